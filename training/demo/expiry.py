"""The demo's expiring Signs of Safety certificate: Kwame Asante's two-day introduction runs out within 60 days of
the demo's today (the dates are in `course_dates`), and here his certificate is attached to that booking.

With it the demo shows each part of "before anything lapses": his training page lists the course with the days
left and a link to book, `send_training_expiry_notices` has his 60-day email to send, and
`send_training_expiry_digest` has digests for his line manager and for Zainab Rahman's, whose Signs of Safety
has lapsed.
"""

from datetime import date

from training import expiry
from training.demo.course_dates import KWAME
from training.models import Booking

PROGRAMME = "Signs of Safety"


def load(today: date) -> bool:
    """Attach the certificate to the expiring Signs of Safety completion. False if there is none to attach it to."""
    booking = _expiring_booking(today)
    if booking is None:
        return False
    name = booking.person.full_name
    booking.certificate = certificate_pdf(
        [
            "Certificate of attendance",
            booking.course_date.course.title,
            f"Awarded to {name}",
            f"Completed on {booking.completed_on:%-d %B %Y}",
            booking.course_date.course.provider,
        ]
    )
    booking.certificate_name = "signs-of-safety-certificate.pdf"
    booking.certificate_type = "application/pdf"
    booking.save(update_fields=["certificate", "certificate_name", "certificate_type"])
    return True


def _expiring_booking(today: date) -> Booking | None:
    bookings = Booking.objects.completed().select_related("person", "course_date__course").defer("certificate")
    latest = bookings.filter(person__email=KWAME, course_date__course__programme__name=PROGRAMME).order_by(
        "-completed_on"
    )
    booking = latest.first()
    if booking is None:
        return None
    running_out = expiry.expiring_for(booking.person, today)
    if not any(item.course.pk == booking.course_date.course_id for item in running_out):
        return None
    return booking


def certificate_pdf(lines: list[str]) -> bytes:
    """A one-page A4 PDF with `lines` of text, centred in Helvetica (plain ASCII)."""
    text = ["BT", "/F1 24 Tf"]
    y = 600
    for index, line in enumerate(lines):
        size = 24 if index == 0 else 16
        safe = line.encode("ascii", "replace").decode().replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        x = max(40, int(297 - len(safe) * size * 0.25))
        text.append(f"/F1 {size} Tf 1 0 0 1 {x} {y} Tm ({safe}) Tj")
        y -= 48
    text.append("ET")
    stream = "\n".join(text).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
