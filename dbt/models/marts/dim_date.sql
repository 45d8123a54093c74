-- Calendar days 2019-2030 with the Indonesian month names analysts report in.
with

days as (

    select d::date as date_day
    from generate_series('2019-01-01'::date, '2030-12-31'::date, interval '1 day') as g (d)

),

final as (

    select
        date_day,
        extract(year from date_day)::int as calendar_year,
        extract(quarter from date_day)::int as calendar_quarter,
        extract(month from date_day)::int as month_number,
        date_trunc('month', date_day)::date as month_start,
        (array[
            'Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni',
            'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'
        ])[extract(month from date_day)::int] as month_name_id,
        extract(isodow from date_day)::int as iso_day_of_week,
        date_trunc('week', date_day)::date as week_start
    from days

)

select * from final
