"""Interface labels in Indonesian (the default) and English.

Every label is a pair ``(Indonesian, English)``, so a label cannot exist in
one language only. Templates call ``t("key")``; an unknown key shows itself
(and a test renders every page in both languages and looks for that).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from netra.errors import NetraError

LANGUAGES = ("id", "en")

_LABELS: dict[str, tuple[str, str]] = {
    # Layout and navigation
    "app.name": ("Netra", "Netra"),
    "app.tagline": (
        "Pemantauan netralitas ASN dari berita daerah",
        "ASN neutrality monitoring from local news",
    ),
    "nav.skip": ("Langsung ke isi", "Skip to content"),
    "nav.main": ("Navigasi utama", "Main navigation"),
    "nav.queue": ("Antrean", "Queue"),
    "nav.cases": ("Semua kasus", "All cases"),
    "nav.dashboard": ("Dasbor", "Dashboard"),
    "nav.users": ("Pengguna", "Users"),
    "nav.sources": ("Sumber", "Sources"),
    "nav.audit": ("Log audit", "Audit log"),
    "nav.logout": ("Keluar", "Log out"),
    "nav.language": ("Bahasa", "Language"),
    "nav.signed_in_as": ("Masuk sebagai", "Signed in as"),
    "role.admin": ("Admin", "Admin"),
    "role.monitor": ("Pemantau", "Monitor"),
    "role.analyst": ("Analis", "Analyst"),
    # Login
    "login.title": ("Masuk", "Log in"),
    "login.username": ("Nama pengguna", "Username"),
    "login.password": ("Kata sandi", "Password"),
    "login.submit": ("Masuk", "Log in"),
    "login.bad_credentials": ("Nama pengguna atau kata sandi salah.", "Wrong username or password."),
    "login.locked": (
        "Terlalu banyak percobaan gagal. Coba lagi nanti.",
        "Too many failed attempts. Try again later.",
    ),
    "login.logged_out": ("Anda sudah keluar.", "You have logged out."),
    # Errors
    "error.title": ("Terjadi kesalahan", "Something went wrong"),
    "error.403": ("Anda tidak berhak membuka halaman ini.", "You may not open this page."),
    "error.404": ("Halaman atau kasus tidak ditemukan.", "Page or case not found."),
    "error.csrf": (
        "Formulir kedaluwarsa atau tidak sah. Muat ulang halaman lalu coba lagi.",
        "The form expired or is not valid. Reload the page and try again.",
    ),
    "error.warehouse": (
        "Gudang data belum dibangun. Jalankan `netra build` terlebih dahulu.",
        "The warehouse is not built yet. Run `netra build` first.",
    ),
    "error.invalid": ("Permintaan tidak sah; periksa kolom berikut", "Invalid request; check these fields"),
    "error.back": ("Kembali ke antrean", "Back to the queue"),
    "error.other": ("Permintaan ini tidak dapat dilayani.", "This request cannot be served."),
    # Generic
    "common.save": ("Simpan", "Save"),
    "common.apply": ("Terapkan", "Apply"),
    "common.reset": ("Atur ulang", "Reset"),
    "common.all": ("Semua", "All"),
    "common.none": ("Tidak ada", "None"),
    "common.unknown": ("Tidak diketahui", "Unknown"),
    "common.yes": ("Ya", "Yes"),
    "common.no": ("Tidak", "No"),
    "common.previous": ("Sebelumnya", "Previous"),
    "common.next": ("Berikutnya", "Next"),
    "common.page_of": ("Halaman {page} dari {pages}", "Page {page} of {pages}"),
    "common.export_csv": ("Unduh CSV", "Download CSV"),
    "common.count": ("Jumlah", "Count"),
    "common.total": ("Total", "Total"),
    "common.date": ("Tanggal", "Date"),
    "common.saved": ("Tersimpan.", "Saved."),
    "common.results": ("{count} hasil", "{count} results"),
    # Queue and filters
    "queue.title": ("Antrean kasus", "Case queue"),
    "queue.intro": (
        "Kasus dari media yang belum ditinjau, terbaru dan paling meyakinkan lebih dulu.",
        "Media cases not yet reviewed, newest and most confident first.",
    ),
    "cases.title": ("Semua kasus", "All cases"),
    "queue.empty": ("Tidak ada kasus yang cocok dengan filter ini.", "No case matches these filters."),
    "filter.title": ("Filter", "Filters"),
    "filter.province": ("Provinsi", "Province"),
    "filter.regency": ("Kabupaten/kota", "Regency/city"),
    "filter.conduct": ("Kode perilaku", "Conduct code"),
    "filter.date_from": ("Dari tanggal", "From"),
    "filter.date_to": ("Sampai tanggal", "To"),
    "filter.outlet": ("Media", "Outlet"),
    "filter.actor_type": ("Jenis pelaku", "Actor type"),
    "filter.status": ("Status kasus", "Case status"),
    "filter.review": ("Status tinjauan", "Review status"),
    "filter.q": ("Cari", "Search"),
    "col.case": ("Kasus", "Case"),
    "col.actors": ("Pelaku", "Actors"),
    "col.institution": ("Instansi", "Institution"),
    "col.region": ("Wilayah", "Region"),
    "col.conduct": ("Perilaku", "Conduct"),
    "col.kind": ("Jenis pelanggaran", "Violation kind"),
    "col.status": ("Status", "Status"),
    "col.review": ("Tinjauan", "Review"),
    "col.first_reported": ("Pertama diberitakan", "First reported"),
    "col.latest_reported": ("Terakhir diberitakan", "Latest report"),
    "col.articles": ("Artikel", "Articles"),
    "col.confidence": ("Keyakinan", "Confidence"),
    "col.outlets": ("Media", "Outlets"),
    "col.official": ("Catatan resmi", "Official record"),
    "review.unreviewed": ("Belum ditinjau", "Unreviewed"),
    "review.confirmed": ("Dikonfirmasi", "Confirmed"),
    "review.rejected": ("Ditolak", "Rejected"),
    "review.pending": (
        "Keputusan menunggu pembangunan gudang data",
        "Decision waiting for the warehouse build",
    ),
    # Case page
    "case.title": ("Kasus", "Case"),
    "case.summary": ("Ringkasan", "Summary"),
    "case.articles": ("Artikel yang memberitakan", "Articles reporting it"),
    "case.syndicated": ("Salinan sindikasi", "Syndicated copies"),
    "case.evidence": ("Bukti", "Evidence"),
    "case.best_evidence": ("Bukti terbaik", "Best evidence"),
    "case.full_text": ("Teks lengkap dengan bukti disorot", "Full text with evidence highlighted"),
    "case.links": ("Catatan resmi yang terkait", "Linked official records"),
    "case.no_links": ("Belum ada catatan resmi yang terkait.", "No linked official record yet."),
    "case.link_score": ("Skor", "Score"),
    "case.link_reasons": ("Alasan", "Reasons"),
    "case.related": (
        "Kasus lain dari pelaku atau instansi yang sama",
        "Other cases of the same actor or institution",
    ),
    "case.no_related": ("Tidak ada kasus lain.", "No other case."),
    "case.history": ("Riwayat keputusan", "Decision history"),
    "case.no_history": ("Belum ada keputusan.", "No decision yet."),
    "case.confirmed_fields": (
        "Kolom yang dikonfirmasi atau diubah orang",
        "Fields a person confirmed or edited",
    ),
    "case.decide": ("Keputusan", "Decision"),
    "case.read_only": ("Peran Anda hanya dapat membaca.", "Your role can only read."),
    "case.published": ("Terbit", "Published"),
    "case.open_article": ("Buka artikel asli", "Open original article"),
    "case.merged_into": ("Digabung ke kasus", "Merged into case"),
    # Decisions
    "case.id": ("ID kasus", "Case ID"),
    "case.incident_date": ("Tanggal kejadian", "Incident date"),
    "case.article_counts": (
        "{total} artikel ({independent} mandiri, {copies} salinan) dari {outlets} media",
        "{total} articles ({independent} independent, {copies} copies) from {outlets} outlets",
    ),
    "case.reported_onward": ("Dilaporkan ke", "Reported onward to"),
    "case.reject_reason": ("Alasan penolakan", "Reason for rejection"),
    "case.actor_list": ("Pelaku", "Actors"),
    "case.edited_fields": ("Kolom yang diubah orang", "Fields a person edited"),
    "case.copies": ("{count} salinan sindikasi", "{count} syndicated copies"),
    "case.quote_count": ("{count} kalimat bukti", "{count} evidence sentences"),
    "case.article_case": ("Kasus artikel", "Article case"),
    "field.actors": ("Pelaku", "Actors"),
    "field.conduct": ("Kode perilaku", "Conduct codes"),
    "field.region": ("Wilayah", "Region"),
    "field.status": ("Status", "Status"),
    "decision.fields": ("Kolom yang dikonfirmasi", "Fields confirmed"),
    "decision.confirm_merge": (
        "Gabungkan kasus ini ke kasus lain? Hasilnya tampak setelah gudang data dibangun ulang.",
        "Merge this case into another? The result shows after the next warehouse build.",
    ),
    "decision.confirm_split": (
        "Pisahkan artikel terpilih menjadi kasus baru?",
        "Split the chosen articles into a new case?",
    ),
    "decision.candidates": ("Catatan resmi di provinsi ini", "Official records in this province"),
    "decision.manual_entry": ("atau tulis sumber dan nomornya", "or type the source and number"),
    "decision.choose": ("Pilih…", "Choose…"),
    "decision.payload": ("Isi", "Content"),
    "decision.confirm": ("Konfirmasi", "Confirm"),
    "decision.reject": ("Tolak", "Reject"),
    "decision.edit": ("Koreksi", "Correct"),
    "decision.merge": ("Gabungkan", "Merge"),
    "decision.split": ("Pisahkan", "Split"),
    "decision.link": ("Tautkan catatan resmi", "Link official record"),
    "decision.unlink": ("Lepas tautan", "Unlink"),
    "decision.report_onward": ("Laporkan ke lembaga", "Report onward"),
    "decision.reason": ("Alasan", "Reason"),
    "decision.note": ("Catatan", "Note"),
    "decision.into": ("Gabungkan ke ID kasus", "Merge into case ID"),
    "decision.split_articles": (
        "Artikel yang dipisahkan menjadi kasus baru",
        "Articles to split into a new case",
    ),
    "decision.to": ("Kepada", "To"),
    "decision.source": ("Sumber", "Source"),
    "decision.nomor_laporan": ("Nomor laporan", "Report number"),
    "decision.saved": ("Keputusan tersimpan.", "Decision saved."),
    "decision.by": ("oleh", "by"),
    "decision.invalid": ("Keputusan tidak sah", "Invalid decision"),
    "edit.conduct": ("Kode perilaku", "Conduct codes"),
    "edit.province": ("Provinsi", "Province"),
    "edit.regency": ("Kabupaten/kota", "Regency/city"),
    "edit.actor_name": ("Nama pelaku", "Actor name"),
    "edit.actor_position": ("Jabatan", "Position"),
    "edit.actor_type": ("Jenis pelaku", "Actor type"),
    "edit.actor_institution": ("Instansi", "Institution"),
    "edit.status": ("Status kasus", "Case status"),
    "edit.hint": ("Isi hanya kolom yang ingin diubah.", "Fill in only the fields to change."),
    "reason.NOT_ASN": ("Pelaku bukan ASN", "Actor is not a civil servant"),
    "reason.NOT_ELECTION": ("Tidak terkait pemilu/pilkada", "Not about an election"),
    "reason.NO_INCIDENT": ("Tidak ada kejadian konkret", "No concrete incident"),
    "reason.DUPLICATE": ("Duplikat kasus lain", "Duplicate of another case"),
    "reason.WRONG_EXTRACTION": ("Kesalahan ekstraksi", "Extraction error"),
    "reason.INSUFFICIENT_EVIDENCE": ("Bukti tidak cukup", "Insufficient evidence"),
    "reason.OTHER": ("Lainnya", "Other"),
    # Codes shown as words
    "status.REPORTED": ("Dilaporkan", "Reported"),
    "status.UNDER_REVIEW": ("Dalam pemeriksaan", "Under review"),
    "status.RECOMMENDED": ("Direkomendasikan", "Recommended"),
    "status.SANCTIONED": ("Dijatuhi sanksi", "Sanctioned"),
    "status.DISMISSED": ("Dihentikan", "Dismissed"),
    "status.none": ("Tanpa status", "No status"),
    "actor_type.PNS": ("PNS", "Civil servant (PNS)"),
    "actor_type.PPPK": ("PPPK", "Contract civil servant (PPPK)"),
    "actor_type.ASN": ("ASN (status tidak disebut)", "ASN (status not given)"),
    "actor_type.KEPALA_DESA": ("Kepala desa", "Village head"),
    "actor_type.PERANGKAT_DESA": ("Perangkat desa", "Village official"),
    "actor_type.TNI": ("TNI", "Armed forces (TNI)"),
    "actor_type.POLRI": ("Polri", "Police (Polri)"),
    "actor_type.PEJABAT_POLITIK": ("Pejabat politik", "Political official"),
    "actor_type.LAINNYA": ("Lainnya", "Other"),
    "kind.NETRALITAS": ("Netralitas", "Neutrality"),
    "kind.KECURANGAN_PEMILU": ("Kecurangan pemilu", "Election fraud"),
    "kind.PROFESIONALITAS": ("Profesionalitas", "Professionalism"),
    "review.valid": ("Tidak ditolak", "Not rejected"),
    "review.all": ("Semua", "All"),
    "filter.official": ("Catatan resmi", "Official record"),
    "official.yes": ("Ada catatan resmi", "Has an official record"),
    "official.no": ("Hanya media (tanpa catatan resmi)", "Media only (no official record)"),
    "role.first report": ("Laporan pertama", "First report"),
    "role.follow-up": ("Tindak lanjut", "Follow-up"),
    "role.syndicated copy": ("Salinan sindikasi", "Syndicated copy"),
    "link.automatic": ("Otomatis", "Automatic"),
    "link.manual": ("Oleh pemantau", "By a monitor"),
    # Dashboard
    "dash.title": ("Dasbor analis", "Analyst dashboard"),
    "dash.by_month": ("Kasus per bulan", "Cases by month"),
    "dash.by_province": ("Kasus per provinsi", "Cases by province"),
    "dash.map": ("Peta petak provinsi", "Province tile map"),
    "dash.by_conduct": ("Kasus per kode perilaku", "Cases by conduct code"),
    "dash.by_status": ("Kasus per status", "Cases by status"),
    "dash.by_review": ("Kasus per status tinjauan", "Cases by review status"),
    "dash.media_vs_official": ("Media dibanding angka resmi", "Media versus official figures"),
    "dash.media": ("Dari media", "From the media"),
    "dash.official": ("Resmi", "Official"),
    "dash.published_value": ("Angka yang dipublikasikan", "Published figure"),
    "dash.official_records": ("Catatan resmi di gudang data", "Official records in the warehouse"),
    "dash.coverage_gap": ("Celah cakupan", "Coverage gap"),
    "dash.coverage_gap_intro": (
        "Kasus yang ditemukan di media tanpa catatan resmi.",
        "Cases found in the media with no official record.",
    ),
    "dash.media_only": ("Hanya media", "Media only"),
    "dash.official_only": ("Hanya resmi", "Official only"),
    "dash.both": ("Keduanya", "Both"),
    "dash.period": ("Periode", "Period"),
    "dash.metric": ("Metrik", "Metric"),
    "dash.value": ("Nilai", "Value"),
    "dash.published_by": ("Sumber", "Source"),
    "dash.no_data": ("Belum ada data.", "No data yet."),
    "dash.chart_table": ("Data grafik", "Chart data"),
    # Admin
    "users.title": ("Pengguna", "Users"),
    "users.add": ("Tambah pengguna", "Add user"),
    "users.username": ("Nama pengguna", "Username"),
    "users.display_name": ("Nama tampilan", "Display name"),
    "users.role": ("Peran", "Role"),
    "users.active": ("Aktif", "Active"),
    "users.last_login": ("Terakhir masuk", "Last login"),
    "users.locked_until": ("Terkunci sampai", "Locked until"),
    "users.disable": ("Nonaktifkan", "Disable"),
    "users.enable": ("Aktifkan", "Enable"),
    "users.change_role": ("Ubah peran", "Change role"),
    "users.new_password": ("Kata sandi baru", "New password"),
    "users.set_password": ("Ganti kata sandi", "Set password"),
    "users.last_admin": (
        "Admin aktif terakhir tidak dapat dinonaktifkan atau diturunkan.",
        "The last active admin cannot be disabled or demoted.",
    ),
    "sources.title": ("Sumber berita", "News sources"),
    "sources.add": ("Tambah sumber", "Add source"),
    "sources.name": ("Nama", "Name"),
    "sources.domain": ("Domain", "Domain"),
    "sources.province": ("Provinsi", "Province"),
    "sources.homepage": ("Beranda", "Homepage"),
    "sources.frequency": ("Frekuensi (menit)", "Frequency (minutes)"),
    "sources.active": ("Aktif", "Active"),
    "sources.last_crawled": ("Terakhir dirayapi", "Last crawled"),
    "sources.deactivate": ("Nonaktifkan", "Deactivate"),
    "sources.activate": ("Aktifkan", "Activate"),
    "audit.title": ("Log audit", "Audit log"),
    "audit.when": ("Waktu", "When"),
    "audit.who": ("Siapa", "Who"),
    "audit.action": ("Tindakan", "Action"),
    "audit.target": ("Sasaran", "Target"),
    "audit.detail": ("Rincian", "Detail"),
    "audit.ip": ("Alamat IP", "IP address"),
    "sessions.link": ("Sesi", "Sessions"),
    "sessions.title": ("Sesi {username}", "Sessions of {username}"),
    "sessions.back": ("Kembali ke daftar pengguna", "Back to the users"),
    "sessions.started": ("Mulai", "Started"),
    "sessions.last_seen": ("Terakhir aktif", "Last seen"),
    "sessions.browser": ("Peramban", "Browser"),
    "sessions.state": ("Keadaan", "State"),
    "sessions.open": ("Aktif", "Open"),
    "sessions.this_one": ("sesi Anda ini", "this session of yours"),
    "sessions.revoke": ("Cabut", "Revoke"),
    "sessions.revoke_all": ("Cabut semua sesi aktif ({count})", "Revoke all open sessions ({count})"),
    "sessions.revoked": ("{count} sesi dicabut.", "{count} sessions revoked."),
    "sessions.ended.logout": ("Keluar", "Logged out"),
    "sessions.ended.admin": ("Dicabut admin", "Revoked by an admin"),
    "sessions.ended.password": ("Kata sandi diganti", "Password changed"),
    "sessions.ended.role": ("Peran diubah", "Role changed"),
    "sessions.ended.disabled": ("Akun dinonaktifkan", "Account disabled"),
    "sessions.ended.idle": ("Kedaluwarsa (tidak aktif)", "Timed out (idle)"),
    "sessions.ended.expired": ("Kedaluwarsa (batas waktu)", "Expired (time limit)"),
    # Validation and error messages (the English text is also what the CLI and logs say)
    "users.unknown_role": (
        "peran {role!r} tidak dikenal; pilih salah satu dari {roles}",
        "unknown role {role!r}; choose one of {roles}",
    ),
    "users.bad_username": (
        "nama pengguna harus 1 sampai 64 karakter tanpa spasi",
        "username must be 1 to 64 characters without spaces",
    ),
    "users.exists": ("pengguna {username!r} sudah ada", "user {username!r} already exists"),
    "users.missing": ("tidak ada pengguna {username!r}", "no user {username!r}"),
    "password.too_short": (
        "kata sandi harus paling sedikit {minimum} karakter",
        "password must have at least {minimum} characters",
    ),
    "password.same_as_username": (
        "kata sandi harus berbeda dari nama pengguna",
        "password must differ from the username",
    ),
    "password.common": (
        "kata sandi tampak seperti contoh atau kata sandi umum; pilih yang lain",
        "password looks like a placeholder or a common password; choose another",
    ),
    "sources.no_name": ("sumber memerlukan nama", "a source needs a name"),
    "sources.exists": ("sumber {name!r} sudah ada", "source {name!r} already exists"),
    "sources.bad_domain": (
        "domain {domain!r} bukan nama host seperti news.example.id",
        "domain {domain!r} is not a host name such as news.example.id",
    ),
    "sources.bad_homepage": (
        "beranda {homepage!r} bukan URL http(s)",
        "homepage {homepage!r} is not an http(s) URL",
    ),
    "sources.unknown_province": ("provinsi {province!r} tidak dikenal", "unknown province {province!r}"),
    "sources.bad_frequency": (
        "frekuensi perayapan harus antara 5 menit dan satu minggu",
        "crawl frequency must be between 5 minutes and one week",
    ),
    "decision.note_too_long": (
        "catatan: paling banyak {limit} karakter",
        "note: at most {limit} characters",
    ),
    "decision.unknown_kind": ("keputusan: jenis {kind!r} tidak dikenal", "decision: unknown kind {kind!r}"),
    "decision.bad_fields": ("kolom: pilih di antara {choices}", "fields: choose among {choices}"),
    "decision.bad_reason": (
        "alasan penolakan: pilih salah satu dari {choices}",
        "reason_code: choose one of {choices}",
    ),
    "decision.note_needed": (
        "catatan: jelaskan alasannya bila alasan penolakan adalah OTHER (lainnya)",
        "note: say why when the reason is OTHER",
    ),
    "decision.into_needed": ("gabungkan ke: isi ID kasus lain", "into: give the ID of another case"),
    "decision.no_such_case": (
        "gabungkan ke: tidak ada kasus lain dengan ID ini",
        "into: no other case has this ID",
    ),
    "decision.not_article_numbers": ("artikel: bukan nomor artikel", "article_ids: not article numbers"),
    "decision.foreign_articles": (
        "artikel: {ids} bukan bagian dari kasus ini",
        "article_ids: {ids} do not belong to this case",
    ),
    "decision.split_some": (
        "artikel: pilih sebagian, bukan semua, artikel kasus ini",
        "article_ids: choose some, but not all, of the case's articles",
    ),
    "decision.link_needs_both": (
        "sumber dan nomor laporan: keduanya wajib diisi",
        "source, nomor_laporan: both are needed",
    ),
    "decision.no_official_record": (
        "nomor laporan: tidak ada catatan resmi {nomor!r} dari {source!r}",
        "nomor_laporan: no official record {nomor!r} from {source!r}",
    ),
    "decision.not_linked": (
        "nomor laporan: {nomor!r} dari {source!r} tidak tertaut ke kasus ini",
        "nomor_laporan: {nomor!r} from {source!r} is not linked to this case",
    ),
    "decision.bad_onward": ("kepada: pilih salah satu dari {choices}", "to: choose one of {choices}"),
    "decision.unknown_codes": ("kode perilaku: kode {codes} tidak dikenal", "conduct: unknown codes {codes}"),
    "decision.not_province": (
        "provinsi: {province!r} bukan provinsi",
        "province: {province!r} is not a province",
    ),
    "decision.not_regency": (
        "kabupaten/kota: {regency!r} bukan kabupaten atau kota di {province}",
        "regency: {regency!r} is not a regency or city of {province}",
    ),
    "decision.bad_actor_type": (
        "jenis pelaku: pilih salah satu dari {choices}",
        "actor_type: choose one of {choices}",
    ),
    "decision.bad_status": ("status: pilih salah satu dari {choices}", "status: choose one of {choices}"),
    "decision.nothing_to_edit": (
        "koreksi: ubah paling sedikit satu kolom",
        "edit: change at least one field",
    ),
    "decision.reload": (
        "formulir: muat ulang halaman lalu putuskan lagi",
        "request_id: reload the page and decide again",
    ),
    "invalid.missing": ("wajib diisi", "is required"),
    "invalid.too_long": (
        "terlalu panjang (paling banyak {limit} karakter)",
        "is too long (at most {limit} characters)",
    ),
    "invalid.not_number": ("harus berupa bilangan bulat", "must be a whole number"),
    "invalid.not_boolean": ("harus ya atau tidak", "must be yes or no"),
    "invalid.other": ("tidak sah", "is not valid"),
}


def translator(lang: str) -> Callable[..., str]:
    """``t(key, **values)`` for one language; unknown keys come back as themselves."""
    index = 1 if lang == "en" else 0

    def t(key: str, **values: object) -> str:
        pair = _LABELS.get(key)
        if pair is None:
            return key
        text = pair[index]
        return text.format(**values) if values else text

    return t


def has(key: str) -> bool:
    return key in _LABELS


def keys() -> list[str]:
    return list(_LABELS)


def message(key: str, lang: str, **values: Any) -> str:
    """One label in ``lang`` with ``values`` filled in."""
    return translator(lang)(key, **values)


class Labelled(NetraError):
    """An error whose message is a label: the app shows it in the reader's language.

    ``str()`` is the English text, which is what the CLI prints and logs keep.
    """

    def __init__(self, key: str, **values: Any) -> None:
        self.key = key
        self.values = values
        super().__init__(message(key, "en", **values))

    def text(self, lang: str) -> str:
        return message(self.key, lang, **self.values)


# Pydantic's error types for form fields, and the label that says each in words.
_INVALID = {
    "missing": "invalid.missing",
    "string_too_long": "invalid.too_long",
    "int_parsing": "invalid.not_number",
    "int_from_float": "invalid.not_number",
    "bool_parsing": "invalid.not_boolean",
}


def invalid_fields(errors: Sequence[Mapping[str, Any]], lang: str) -> str:
    """Pydantic's validation errors as "field: what is wrong; ..." in ``lang``."""
    t = translator(lang)
    parts = []
    for error in errors:
        field = ".".join(str(p) for p in error.get("loc", ())[1:])
        limit = (error.get("ctx") or {}).get("max_length")
        parts.append(f"{field}: {t(_INVALID.get(error.get('type', ''), 'invalid.other'), limit=limit)}")
    return "; ".join(parts)
