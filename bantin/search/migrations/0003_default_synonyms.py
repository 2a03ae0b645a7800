from django.db import migrations

DEFAULTS = [
    ("UBND\nỦy ban nhân dân", ""),
    ("HĐND\nHội đồng nhân dân", ""),
    ("ĐBQH\nđại biểu Quốc hội", ""),
    ("MTTQ\nMặt trận Tổ quốc", ""),
    ("BCH\nBan Chấp hành", ""),
    ("BTV\nBan Thường vụ", ""),
    ("KT-XH\nkinh tế - xã hội", ""),
    ("NTM\nnông thôn mới", ""),
    ("THPT\ntrung học phổ thông", ""),
    ("THCS\ntrung học cơ sở", ""),
    ("CCHC\ncải cách hành chính", ""),
    ("DVC\ndịch vụ công", ""),
    ("PCCC\nphòng cháy chữa cháy", ""),
    ("PCCCR\nphòng cháy chữa cháy rừng", ""),
    ("TNGT\ntai nạn giao thông", ""),
    ("ATGT\nan toàn giao thông", ""),
    ("KCN\nkhu công nghiệp", ""),
    ("CCN\ncụm công nghiệp", ""),
    ("OCOP\nMỗi xã một sản phẩm", ""),
    ("BHXH\nbảo hiểm xã hội", ""),
    ("BHYT\nbảo hiểm y tế", ""),
    ("CNTT\ncông nghệ thông tin", ""),
    ("CĐS\nchuyển đổi số", ""),
    ("GD-ĐT\nGDĐT\ngiáo dục và đào tạo", ""),
    ("VH-TT-DL\nVHTTDL\nvăn hóa, thể thao và du lịch", ""),
    ("DTTS\ndân tộc thiểu số", ""),
    ("MTQG\nmục tiêu quốc gia", ""),
    ("LLVT\nlực lượng vũ trang", ""),
    ("CSGT\ncảnh sát giao thông", ""),
    ("NN&PTNT\nnông nghiệp và phát triển nông thôn", ""),
    ("TTHC\nthủ tục hành chính", ""),
    ("TP\nthành phố", ""),
    ("Bắc Kạn\nBắc Cạn", "Hai cách viết tên tỉnh"),
]


def add_defaults(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    for expressions, note in DEFAULTS:
        Synonym.objects.get_or_create(expressions=expressions, defaults={"note": note})


class Migration(migrations.Migration):
    dependencies = [("search", "0002_full_text")]

    operations = [migrations.RunPython(add_defaults, migrations.RunPython.noop)]
