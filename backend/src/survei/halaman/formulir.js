(function(){
var f=document.getElementById("f");if(!f)return;
var kode=f.dataset.kode,kios=f.dataset.kios,galat=document.getElementById("galat"),
selesai=document.getElementById("selesai"),tombol=document.getElementById("kirim");
function acak(){var a=new Uint8Array(18);crypto.getRandomValues(a);
return Array.prototype.map.call(a,function(b){return("0"+b.toString(16)).slice(-2)}).join("")}
function token(){if(kios)return acak();var k="skm-"+kode,t=null;
try{t=localStorage.getItem(k);if(!t){t=acak();localStorage.setItem(k,t)}}catch(e){t=t||acak()}return t}
function tampil(pesan,el){galat.textContent=pesan;(el||galat).focus()}
f.addEventListener("change",function(e){var q=e.target.closest(".q");if(q)q.classList.remove("kurang")});
f.addEventListener("submit",function(e){e.preventDefault();
var d=new FormData(f),b={token:token()},kurang=[];
["layanan","u1","u2","u3","u4","u5","u6","u7","u8","u9"].forEach(function(n){var v=d.get(n);
var q=document.getElementById("q-"+n);
if(!v){kurang.push(q);q.classList.add("kurang")}else b[n]=n=="layanan"?v:+v});
["jenis_kelamin","usia","pendidikan","pekerjaan","saran","situs_web"].forEach(function(n){var v=d.get(n);if(v)b[n]=v});
if(kios)b.kios=kios;
if(kurang.length){tampil("Mohon jawab semua pertanyaan ("+kurang.length+" belum dijawab).",kurang[0].querySelector("input,select"));return}
tombol.disabled=true;galat.textContent="";
fetch("/api/v1/publik/survei/"+encodeURIComponent(kode)+"/respons",{method:"POST",
headers:{"Content-Type":"application/json"},body:JSON.stringify(b)})
.then(function(r){return r.json().catch(function(){return{}}).then(function(j){return{ok:r.ok,j:j}})})
.then(function(x){tombol.disabled=false;
if(!x.ok){var m=x.j.errors?Object.keys(x.j.errors).map(function(k){return x.j.errors[k][0]}).join(" "):"";tampil(m||x.j.detail||x.j.title||"Jawaban belum terkirim. Coba lagi.");return}
f.hidden=true;selesai.hidden=false;if(x.j.pesan)document.getElementById("selesai-pesan").textContent=x.j.pesan;
selesai.focus();window.scrollTo(0,0);
if(kios){document.getElementById("berikut").hidden=false;setTimeout(ulang,15000)}})
.catch(function(){tombol.disabled=false;tampil("Tidak ada koneksi. Periksa jaringan Anda lalu kirim lagi.")})});
function ulang(){if(selesai.hidden)return;f.reset();f.hidden=false;selesai.hidden=true;
document.getElementById("berikut").hidden=true;window.scrollTo(0,0);f.querySelector("select").focus()}
var u=document.getElementById("ulang");if(u)u.addEventListener("click",ulang);
})();
