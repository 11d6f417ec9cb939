// The one stylesheet, inlined in every page (a few kB; no request, no build step). State colours are the
// dashboard's legend: on time, due soon, 逾期, 催办, 督办, complete.
export const stylesheet = `
:root { --ink:#1f2933; --muted:#616e7c; --line:#d9e2ec; --bg:#f5f7fa; --brand:#9b1c1c; --link:#1d4ed8;
  --ontime:#d1fae5; --soon:#fef3c7; --overdue:#fed7aa; --urging:#fca5a5; --supervision:#dc2626; --complete:#e0e7ff; }
* { box-sizing:border-box; }
body { margin:0; font:15px/1.55 "Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;
  color:var(--ink); background:var(--bg); }
a { color:var(--link); }
/* The first Tab stop: past the header's links to the page's own content; visible only when focused. */
a.skip { position:absolute; left:.5em; top:-3em; background:#fff; padding:.4em .8em; border:2px solid var(--link); z-index:1; }
a.skip:focus { top:.5em; }
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
button .en, .button .en { color:inherit; opacity:.85; }
button.danger { background:#b91c1c; }
.card.stuck { border:2px solid #b91c1c; background:#fef2f2; } .card.stuck h2 { color:#991b1b; }
.row { display:flex; gap:1em; flex-wrap:wrap; align-items:flex-end; }
.row.stretch { align-items:stretch; } .row.spread { justify-content:space-between; align-items:center; }
.row.spread.top { align-items:flex-start; } .card.grow { flex:1; min-width:20em; }
.muted { color:var(--muted); }
.notice { padding:.6em 1em; border-radius:6px; margin:0 0 1em; background:var(--ontime); border:1px solid #34d399; }
.notice.problem, .errors { background:#fee2e2; border:1px solid #f87171; padding:.6em 1em; border-radius:6px; margin:0 0 1em; }
.errors ul { margin:.3em 0 0; padding-left:1.3em; }
.badge { display:inline-block; padding:.05em .5em; border-radius:999px; font-size:.85em; border:1px solid #0002; white-space:nowrap; }
.s-ontime { background:var(--ontime); } .s-soon { background:var(--soon); } .s-overdue { background:var(--overdue); }
.s-urging { background:var(--urging); } .s-supervision { background:var(--supervision); color:#fff; }
.s-supervision .en { color:#fff; } .s-complete { background:var(--complete); }
/* On a state colour the English half takes the text's own colour: grey on pink or amber fails contrast. */
.badge .en, .tile .en, .stats > div[class*="s-"] .en, .notice .en { color:inherit; }
.grid { display:grid; grid-template-columns:repeat(auto-fill,minmax(150px,1fr)); gap:.5em; }
.grid a.tile { display:block; border-radius:6px; padding:.5em .6em; color:var(--ink); text-decoration:none; border:1px solid #0001; min-height:4.4em; }
.grid a.tile b { display:block; }
.grid a.tile small { display:block; color:inherit; opacity:.85; }
.legend { display:flex; gap:.5em; flex-wrap:wrap; margin:.4em 0 1em; }
dl.facts { display:grid; grid-template-columns:max-content 1fr; gap:.3em 1em; margin:0; }
dl.facts dt { font-weight:600; } dl.facts dd { margin:0; } dl.facts.spaced { margin-top:.8em; }
.big { font-size:1.6em; font-weight:700; }
/* dashboard (pages/campaign): the year at a glance, the tiles, the key-region form, the downloads */
.dashboard .card > h2:first-child, .dashboard .card > .row:first-child h2 { margin-top:0; }
.dashboard .glance p { margin:.2em 0; }
.badge.phase { background:var(--brand); color:#fff; font-size:1em; }
.badge.phase .en { color:#fff; }
ol.dates { list-style:none; padding:0; margin:.8em 0; display:grid; grid-template-columns:repeat(4,1fr); gap:.5em; }
ol.dates li { border-top:3px solid var(--brand); padding:.3em .2em 0; }
ol.dates li.past { border-top-color:var(--line); color:var(--muted); }
ol.dates .l, .stats .l { display:block; font-size:.85em; color:var(--muted); }
ol.dates b { display:block; font-variant-numeric:tabular-nums; }
.stats { display:flex; gap:.6em; flex-wrap:wrap; margin:.6em 0; }
.stats > div { flex:1; min-width:8em; border:1px solid var(--line); border-radius:6px; padding:.4em .7em; background:#fafbfc; }
.stats .n { display:block; font-size:1.6em; font-weight:700; font-variant-numeric:tabular-nums; }
.stats > div.s-overdue, .stats > div.s-soon { border-color:#0002; }
.grid a.tile .code { font-variant-numeric:tabular-nums; margin-right:.2em; }
.grid a.tile small.when { font-weight:600; margin-top:.2em; }
.grid a.tile:hover { outline:2px solid var(--link); }
button.small { padding:.1em .6em; font-size:.88em; white-space:nowrap; }
button.small .en { color:inherit; }
@media (max-width: 900px) { ol.dates { grid-template-columns:1fr 1fr; } .downloads { grid-template-columns:1fr 1fr; } }
/* A phone: the page never scrolls sideways; a wide table scrolls inside its own box (tables of text take
   the keyboard's focus, tabindex=0, so that arrow keys scroll them too). */
fieldset { min-width:0; }
@media (max-width: 700px) { table { display:block; max-width:100%; overflow-x:auto; } }
.checks { display:grid; grid-template-columns:repeat(auto-fill,minmax(8em,1fr)); gap:.1em .6em; }
.checks label { font-weight:normal; margin:0; white-space:nowrap; overflow:hidden; text-overflow:ellipsis; }
fieldset { border:1px solid var(--line); border-radius:6px; margin:.6em 0; }
fieldset legend { font-weight:600; padding:0 .3em; }
#key-regions input[type=text] { margin-bottom:.4em; }
.downloads { display:grid; grid-template-columns:repeat(4,1fr); gap:.5em; }
.downloads a { display:block; border:1px solid var(--line); border-radius:6px; padding:.45em .7em; text-decoration:none; background:#fafbfc; }
.downloads a:hover { border-color:var(--link); }
.downloads .ext { font-size:.8em; color:var(--muted); border:1px solid var(--line); border-radius:3px; padding:0 .3em; }
.downloads small { display:block; color:var(--muted); }
table.owing td { vertical-align:middle; }
table.owing td.unit, table.owing td.days, table.owing td form { white-space:nowrap; }
.grid a.tile b .en { display:block; margin-left:0; font-weight:normal; }
html[lang=en] .grid a.tile b .en { display:inline; font-weight:inherit; }
/* matching review (pages/matching): the demands and pairings tables, their row forms, the confirm card */
.matching table.review { font-size:.9em; }
.matching table.review td.demand { min-width:15em; }
.matching table.review td.reason { min-width:11em; }
.matching td.unit { min-width:7.5em; }
.matching code.id { font-size:.8em; color:var(--muted); white-space:nowrap; }
.matching .said, .matching .stamp, .matching .demand-text { font-size:.9em; color:var(--muted); margin-top:.2em; }
.matching td.alternates ol { margin:0; padding-left:1.2em; }
.matching td.actions { min-width:10em; }
.matching td.actions button { padding:.25em .7em; margin:0 0 .3em; }
form.filters { display:flex; gap:1em; align-items:flex-end; flex-wrap:wrap; margin:.5em 0; }
form.filters label { margin-top:0; }
form.filters select, form.filters input { width:auto; min-width:10em; }
.matching nav.pager { display:flex; gap:1em; align-items:baseline; flex-wrap:wrap; margin:.6em 0; }
.matching details summary { cursor:pointer; color:var(--link); margin:.15em 0; }
.matching details form { margin:.2em 0 .5em; }
.matching section.confirm { border-color:#f87171; }
.confirm-step > .row { margin-top:1em; align-items:center; }
/* unit page (pages/unit): the forms side by side, the error table of a rejected file, the operator panel */
.unit-page .uploads { display:grid; grid-template-columns:repeat(auto-fit,minmax(300px,1fr)); gap:0 1em; align-items:start; }
.unit-page .uploads form.failed { grid-column:1 / -1; order:-1; }
.unit-page form.card h3, .unit-page .operator h3 { margin:.1em 0 .4em; font-size:1.05em; }
.unit-page .field-grid { display:grid; grid-template-columns:repeat(auto-fill,minmax(220px,1fr)); gap:0 1em; }
.unit-page table.form-rows td { padding:.2em; }
.unit-page table.form-rows input, .unit-page table.form-rows select { max-width:none; }
.unit-page table.sheet-errors { margin-top:.4em; font-size:.92em; }
.unit-page .returned { border-width:2px; } .unit-page .returned p { margin:.3em 0 0; }
.unit-page section.operator { border-color:#9aa5b1; background:#fbfcfe; }
.unit-page table.mail { font-size:.88em; }
.unit-page section.card > h2:first-child { margin-top:0; }
/* what a unit handed in (pages/submissions): the kinds, the rows of a long list, the version history */
.visually-hidden { position:absolute; width:1px; height:1px; overflow:hidden; clip:rect(0 0 0 0); white-space:nowrap; }
nav.kinds ul, .unit-page ul.submission-links { list-style:none; padding:0; margin:.4em 0 1em; display:flex; gap:.5em 1.5em; flex-wrap:wrap; }
nav.kinds a, .unit-page ul.submission-links a, .submissions-view nav.pager a { display:inline-block; min-height:24px; padding:.1em 0; }
.submissions-view nav.pager { display:flex; gap:1em; align-items:baseline; flex-wrap:wrap; margin:.6em 0; }
.submissions-view table { margin:.6em 0; }
.submissions-view caption { text-align:left; font-weight:600; padding:.2em 0; }
/* relative: the visually hidden text inside is clipped by the box, not laid out past the page. */
.submissions-view .sheet-scroll { overflow-x:auto; max-width:100%; margin:.6em 0; position:relative; }
.submissions-view .sheet-scroll > table { width:max-content; min-width:100%; max-width:none; display:table; margin:0; }
.submissions-view .sheet-scroll td { max-width:24em; }
.submissions-view .sheet-scroll th { min-width:4em; max-width:14em; }
.submissions-view table.submitted { font-size:.9em; }
.submissions-view tr.returned td { background:#fef2f2; }
.submissions-view code.hash { word-break:break-all; font-size:.85em; }
.submissions-view dl.facts { margin:.4em 0; }
.submissions-view dl.facts ol { margin:0; padding-left:1.3em; }
@media (max-width: 700px) { .submissions-view dl.facts { grid-template-columns:1fr; gap:0; }
  .submissions-view dl.facts dd { margin-bottom:.5em; overflow-wrap:anywhere; }
}
.unit-page ul.template-links { list-style:none; padding:0; margin:.4em 0; display:flex; gap:.5em 1.5em; flex-wrap:wrap; }
`;
