// The one stylesheet, inlined in every page (a few kB; no request, no build step). State colours are the
// dashboard's legend: on time, due soon, 逾期, 催办, 督办, complete.
export const stylesheet = `
:root { --ink:#1f2933; --muted:#616e7c; --line:#d9e2ec; --bg:#f5f7fa; --brand:#9b1c1c; --link:#1d4ed8;
  --ontime:#d1fae5; --soon:#fef3c7; --overdue:#fed7aa; --urging:#fca5a5; --supervision:#dc2626; --complete:#e0e7ff; }
* { box-sizing:border-box; }
body { margin:0; font:15px/1.55 "Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;
  color:var(--ink); background:var(--bg); }
a { color:var(--link); }
.en { color:var(--muted); font-size:.86em; margin-left:.35em; }
html[lang=en] .zh { display:none; }
html[lang=en] .en { color:inherit; font-size:inherit; margin-left:0; }
header.top { background:var(--brand); color:#fff; display:flex; align-items:center; gap:1.2em; padding:.55em 1.2em; flex-wrap:wrap; }
header.top a, header.top .en { color:#fff; }
header.top .brand { font-weight:700; font-size:1.08em; text-decoration:none; }
header.top nav { display:flex; gap:1em; flex:1; flex-wrap:wrap; }
header.top .who { display:flex; gap:.8em; align-items:center; font-size:.9em; }
header.top button { background:none; border:1px solid #fff8; color:#fff; padding:.15em .6em; border-radius:4px; cursor:pointer; }
main { max-width:1180px; margin:0 auto; padding:1.2em; }
h1 { font-size:1.45em; margin:.2em 0 .6em; }
h2 { font-size:1.15em; margin:1.4em 0 .5em; border-bottom:1px solid var(--line); padding-bottom:.2em; }
section.card, .card { background:#fff; border:1px solid var(--line); border-radius:8px; padding:1em 1.2em; margin:0 0 1em; }
table { border-collapse:collapse; width:100%; background:#fff; }
th, td { border:1px solid var(--line); padding:.35em .55em; text-align:left; vertical-align:top; }
th { background:#eef2f7; font-weight:600; }
td.num, th.num { text-align:right; font-variant-numeric:tabular-nums; }
form.inline { display:inline; }
label { display:block; margin:.5em 0 .15em; font-weight:600; }
input[type=text], input[type=number], input[type=date], input[type=password], input[type=email], select, textarea {
  width:100%; max-width:36em; padding:.4em .5em; border:1px solid #9aa5b1; border-radius:4px; font:inherit; background:#fff; }
textarea { min-height:5em; }
button, .button { background:var(--link); color:#fff; border:0; border-radius:4px; padding:.45em 1em; font:inherit; cursor:pointer;
  text-decoration:none; display:inline-block; }
button.secondary, .button.secondary { background:#fff; color:var(--link); border:1px solid var(--link); }
button.danger { background:#b91c1c; }
.row { display:flex; gap:1em; flex-wrap:wrap; align-items:flex-end; }
.muted { color:var(--muted); }
.notice { padding:.6em 1em; border-radius:6px; margin:0 0 1em; background:var(--ontime); border:1px solid #34d399; }
.notice.problem, .errors { background:#fee2e2; border:1px solid #f87171; padding:.6em 1em; border-radius:6px; margin:0 0 1em; }
.errors ul { margin:.3em 0 0; padding-left:1.3em; }
.badge { display:inline-block; padding:.05em .5em; border-radius:999px; font-size:.85em; border:1px solid #0002; white-space:nowrap; }
.s-ontime { background:var(--ontime); } .s-soon { background:var(--soon); } .s-overdue { background:var(--overdue); }
.s-urging { background:var(--urging); } .s-supervision { background:var(--supervision); color:#fff; }
.s-supervision .en { color:#fff; } .s-complete { background:var(--complete); }
.grid { display:grid; grid-template-columns:repeat(auto-fill,minmax(150px,1fr)); gap:.5em; }
.grid a.tile { display:block; border-radius:6px; padding:.5em .6em; color:var(--ink); text-decoration:none; border:1px solid #0001; min-height:4.4em; }
.grid a.tile b { display:block; }
.grid a.tile small { display:block; color:inherit; opacity:.85; }
.legend { display:flex; gap:.5em; flex-wrap:wrap; margin:.4em 0 1em; }
dl.facts { display:grid; grid-template-columns:max-content 1fr; gap:.3em 1em; margin:0; }
dl.facts dt { font-weight:600; } dl.facts dd { margin:0; }
.big { font-size:1.6em; font-weight:700; }
`;
