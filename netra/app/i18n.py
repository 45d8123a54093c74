"""Interface labels in Indonesian (the default) and English.

Every label is a pair ``(Indonesian, English)``, so a label cannot exist in
one language only. Templates call ``t("key")``; an unknown key shows itself
(and a test renders every page in both languages and looks for that).
"""

from __future__ import annotations

from collections.abc import Callable

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
