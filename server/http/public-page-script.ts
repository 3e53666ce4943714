/**
 * The public page's only script (an enhancement: the page is complete without it): it polls
 * GET /api/queue and updates the waiting figures in place, every 15 seconds while the page is
 * visible and at once when it becomes visible again.
 */
export const PUBLIC_PAGE_SCRIPT = `(function(){
var el=document.getElementById('live-texts');if(!el||!window.fetch)return;
var t=JSON.parse(el.textContent);var rules=new Intl.PluralRules(t.language);
var locale=t.language==='ar'?'ar-u-nu-latn':t.language;
function words(m){var n=Math.max(0,Math.round(m));if(n<=1)return t.soon;var f=t.minutes[rules.select(n)]||t.minutes.other;return f.split('{n}').join(String(n));}
function update(){fetch('/api/queue',{cache:'no-store'}).then(function(r){return r.ok?r.json():null}).then(function(q){
if(!q)return;var seen={};q.waiting.forEach(function(w){seen[w.concernId]=w});
document.querySelectorAll('.wait-now tr[data-concern]').forEach(function(row){var w=seen[row.getAttribute('data-concern')]||{count:0,estimatedWaitMinutes:0};
row.querySelector('.count').textContent=String(w.count);row.querySelector('.wait').textContent=words(w.estimatedWaitMinutes);});
var u=document.getElementById('updated');if(u)u.textContent=t.updated.split('{time}').join(new Intl.DateTimeFormat(locale,{hour:'2-digit',minute:'2-digit',hourCycle:'h23',timeZone:t.timeZone}).format(new Date()));
}).catch(function(){});}
setInterval(function(){if(!document.hidden)update()},15000);
document.addEventListener('visibilitychange',function(){if(!document.hidden)update()});
update();
})();
`;
