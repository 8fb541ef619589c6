import struct, zlib
from docx import Document
from docx.shared import Pt, Inches, RGBColor

def png(w, h):
    raw = b''.join(b'\x00' + bytes([(x * 255 // w), (y * 255 // h), 120] * 1)[:3] * 1 for y in range(h) for x in range(1)) # placeholder
    rows = b''.join(b'\x00' + b''.join(bytes([x * 255 // w, y * 255 // h, 160]) for x in range(w)) for y in range(h))
    def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    return b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(rows)) + chunk(b'IEND', b'')

open('chart.png', 'wb').write(png(64, 32))
d = Document()
d.core_properties.title = 'Quarterly report'
d.core_properties.author = 'python-docx fixture'
sec = d.sections[0]
sec.header.paragraphs[0].text = 'ACME Corp - Quarterly report'
sec.footer.paragraphs[0].text = 'Internal use only'
d.add_heading('Quarterly report', 0)
d.add_heading('Summary', level=1)
p = d.add_paragraph('Revenue grew ')
r = p.add_run('12 percent'); r.bold = True
p.add_run(' to 4.2 million in the third quarter, ahead of plan.')
d.add_paragraph('Costs stayed flat while headcount rose by three.')
d.add_heading('Highlights', level=2)
for t in ['New customer in Lyon', 'Second product line launched', 'Churn below 2 percent']:
    d.add_paragraph(t, style='List Bullet')
for t in ['Hire two engineers', 'Open the Berlin office']:
    d.add_paragraph(t, style='List Number')
d.add_heading('Figures', level=1)
table = d.add_table(rows=1, cols=3)
table.style = 'Table Grid'
hdr = table.rows[0].cells
hdr[0].text, hdr[1].text, hdr[2].text = 'Region', 'Revenue', 'Growth'
for row in [('North', '1.5', '10%'), ('South', '1.2', '14%'), ('West', '1.5', '12%')]:
    cells = table.add_row().cells
    for i, v in enumerate(row): cells[i].text = v
d.add_paragraph('Revenue by month:')
d.add_picture('chart.png', width=Inches(2))
q = d.add_paragraph('The outlook for the fourth quarter remains positive.')
q.runs[0].font.color.rgb = RGBColor(0x1F, 0x4E, 0x79)
q.runs[0].font.size = Pt(12)
d.add_page_break()
d.add_heading('Appendix', level=1)
d.add_paragraph('Methodology: figures are unaudited.', style='Quote')
d.save('/work/wt-word/tests/Assets/docx/python-docx-report.docx')
