/** Styles of the public page: plain, high contrast, large enough on a phone; one A4 page in print. */
export const PUBLIC_PAGE_CSS = `
*{box-sizing:border-box}
body{font-family:"Noto Sans","DejaVu Sans","Liberation Sans",sans-serif;color:#111;background:#fff;margin:0 auto;padding:1rem;max-width:46rem;line-height:1.5;font-size:1.05rem}
a{color:#0b4a8f;text-underline-offset:.15em}
a:focus-visible,button:focus-visible{outline:3px solid #111;outline-offset:2px}
h1{font-size:1.9rem;margin:.5rem 0 .25rem;line-height:1.2}
h2{font-size:1.35rem;margin:1.6rem 0 .5rem;border-bottom:2px solid #0b4a8f;padding-bottom:.2rem}
h3{font-size:1.15rem;margin:0 0 .3rem}
.langs{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem .5rem}
.langs a{display:inline-block;min-height:44px;min-width:44px;padding:.55rem .6rem;border-radius:.3rem}
.langs a[aria-current]{background:#0b4a8f;color:#fff;text-decoration:none;font-weight:700}
.status{font-size:1.2rem;font-weight:700;margin:.25rem 0;color:#7a1a00}
.status.open{color:#0a5a1e}
table{border-collapse:collapse;width:100%}
th,td{text-align:start;padding:.35rem .5rem;border-bottom:1px solid #bbb;vertical-align:top}
tr.today{background:#e8f0fa;font-weight:700}
.wait-now td.count{font-variant-numeric:tabular-nums}
.updated,.closed-days{color:#333;font-size:.95rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem;margin:0}
dt{font-weight:700}dd{margin:0}
article{border:1px solid #999;border-radius:.4rem;padding:.7rem .9rem;margin:.7rem 0;break-inside:avoid}
article p{margin:.3rem 0}
.bring{font-weight:700}
ul{margin:.2rem 0;padding-inline-start:1.4rem}
.remote{margin-top:.5rem}
button{font:inherit;font-weight:700;color:#fff;background:#0b4a8f;border:0;border-radius:.4rem;padding:.7rem 1rem;min-height:44px;cursor:pointer}
.remote-gone{font-weight:700}
footer{margin-top:2rem;padding-top:.8rem;border-top:1px solid #bbb;font-size:.95rem}
footer a{display:inline-block;min-height:44px;padding:.6rem 0}
@page{size:A4;margin:12mm}
@media print{
body{max-width:none;padding:0;font-size:9.5pt;line-height:1.3}
nav,footer,.status,.wait-now,.remote,.remote-gone,.updated{display:none}
main{display:grid;grid-template-columns:1fr 1fr;column-gap:8mm;align-items:start}
.concerns{grid-column:1/-1}
.closed-days{font-size:8.5pt}
h1{font-size:17pt;margin:0}h2{font-size:12pt;margin:8pt 0 3pt}h3{font-size:10.5pt}
a{color:#111;text-decoration:none}
.concerns{columns:2;column-gap:8mm}
.concerns h2{column-span:all}
article{padding:4pt 6pt;margin:0 0 5pt}
th,td{padding:1.5pt 4pt}
}
`;
