"""Build ``samples/warc/news.warc.gz``: a small crawl of three news pages and one JSON document.

Run from anywhere: ``python samples/build_warc.py [OUTPUT]``. The records are reproducible
(fixed record ids and dates), so the committed WARC can be checked against this script; the
gzip bytes themselves may differ between zlib builds.

Records, in order:

1. ``warcinfo``
2. request + response: the East Africa Ledger page, the same bytes as
   ``samples/html/nairobi-fuel-tax-protest.html`` (an exact duplicate across formats)
3. request + response: a Maghreb Post page (an arrest)
4. response: a "most read" list served as ``application/json`` (the one non-HTML response)
5. request + response: a Horn Observer page (mortar shelling), served as ISO-8859-1

All page texts are invented for testing.
"""

from __future__ import annotations

import sys
import uuid
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parent
OUTPUT = HERE / "warc" / "news.warc.gz"
NAMESPACE = uuid.UUID("6f1d7c2e-3b52-4f0e-9a7d-5c1b2e8f4a10")

NAIROBI_URL = "https://www.eastafricaledger.example/news/2024/09/17/nairobi-fuel-tax-protest"
TUNIS_URL = "https://maghrebpost.example/tunisia/2024/10/12/opposition-figure-arrested"
MOST_READ_URL = "https://maghrebpost.example/api/most-read.json"
MOGADISHU_URL = "https://hornobserver.example/somalia/mortar-shells-mogadishu-airport"

TUNIS_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Tunisian Police Arrest Opposition Figure at His Home, Lawyers Say - Maghreb Post</title>
<meta name="author" content="Youssef Trabelsi">
<meta property="og:site_name" content="Maghreb Post">
<meta property="og:title" content="Tunisian Police Arrest Opposition Figure at His Home, Lawyers Say">
<meta property="article:published_time" content="2024-10-12T20:15:00+01:00">
</head>
<body>
<div class="consent-banner">We value your privacy. We and our partners store cookies on your device.
<button>I accept</button> <button>Refuse</button></div>
<header><a href="/" class="logo">Maghreb Post</a>
<nav><a href="/tunisia">Tunisia</a> <a href="/algeria">Algeria</a> <a href="/morocco">Morocco</a>
<a href="/libya">Libya</a> <a href="/sahel">Sahel</a></nav></header>
<main>
<article>
<h1>Tunisian Police Arrest Opposition Figure at His Home, Lawyers Say</h1>
<div class="byline">By Youssef Trabelsi &middot; <time datetime="2024-10-12">12 October 2024</time></div>
<figure><img src="/img/tunis-court.jpg" alt="Lawyers outside a court in Tunis">
<figcaption>Lawyers gather outside the court of first instance in Tunis, in this file photo. AFP</figcaption></figure>
<p>TUNIS &mdash; Tunisian police arrested prominent opposition politician Hichem Ben Salem at his home in the capital on Saturday, his lawyers said, the latest in a series of detentions of critics of the government.</p>
<p>Ben Salem, a former member of parliament and leader of a small centre-left party, was taken to a counter-terrorism unit in the capital for questioning on charges of &ldquo;conspiring against state security,&rdquo; lawyer Samia Gharbi told reporters.</p>
<p>&ldquo;This is an arrest for an opinion. He is being punished for what he said on the radio last week,&rdquo; she said.</p>
<p>The interior ministry denied that the arrest was politically motivated and said in a statement that it had acted on the orders of an investigating judge.</p>
<p>A judicial official who asked not to be named said that Ben Salem could be held for up to five days before appearing before a judge.</p>
<p>An opposition coalition called for a protest outside the justice ministry on Monday and urged the authorities to release all political detainees.</p>
<p>Rights groups say dozens of opposition politicians, journalists and lawyers have been detained since January, most of them under anti-terrorism or conspiracy laws.</p>
</article>
<section class="related"><h2>Related</h2><ul>
<li><a href="/tunisia/2024/09/30/journalist-sentenced">Journalist sentenced over radio comments</a></li>
<li><a href="/tunisia/2024/10/02/opposition-coalition">Opposition parties form new coalition</a></li>
</ul></section>
<div class="social"><a href="#">Share</a> <a href="#">Tweet</a></div>
</main>
<footer>&copy; 2024 Maghreb Post &middot; <a href="/about">About</a> &middot; <a href="/contact">Contact</a></footer>
</body>
</html>
"""

MOGADISHU_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">
<title>Mortar Shells Land Near Mogadishu Airport, Wounding Five | Horn Observer</title>
<meta name="author" content="Abdirahman Yusuf">
<meta property="og:site_name" content="Horn Observer">
<meta name="pubdate" content="2024-10-17">
</head>
<body>
<div id="menu"><a href="/">Home</a> &middot; <a href="/somalia">Somalia</a> &middot; <a href="/ethiopia">Ethiopia</a>
&middot; <a href="/kenya">Kenya</a> &middot; <a href="/djibouti">Djibouti</a></div>
<div class="cookies">This website uses cookies to ensure you get the best experience. <a href="/cookies">More info</a></div>
<div id="main">
<h1>Mortar Shells Land Near Mogadishu Airport, Wounding Five</h1>
<p class="meta">Abdirahman Yusuf &mdash; 17 October 2024</p>
<figure><img src="/photos/mogadishu-airport.jpg" alt="Security forces at an airport checkpoint">
<figcaption>Somali security forces stand guard at a checkpoint near Aden Adde International Airport in Mogadishu. REUTERS/Hassan Dirie/File Photo</figcaption></figure>
<div class="entry">
<p>MOGADISHU &mdash; Several mortar shells landed near the main airport in Somalia\u2019s capital on Wednesday night, wounding five people, including two airport workers, police said.</p>
<p>Police spokesman Ahmed Nur Farah said the shells were fired from a district north of the airport and that one of them hit a fuel depot, causing a fire that was brought under control before dawn.</p>
<p>Al-Shabaab said in a statement on a website affiliated with the group that it had targeted a base used by African Union troops inside the airport compound. The African Union mission said its base had not been hit.</p>
<p>\u201cWe will find those who fired these shells and bring them to justice,\u201d Farah said, adding that security forces had arrested three suspects on Thursday morning.</p>
<p>A Western security official, speaking on condition of anonymity, said the attack appeared aimed at disrupting flights ahead of a visit by foreign ministers next week.</p>
<p>The airport compound houses several embassies and the offices of United Nations agencies. Al-Shabaab, which is linked to al Qaeda, has fought for years to overthrow Somalia\u2019s central government.</p>
</div>
</div>
<div class="share-bar">Share: <a href="#">Facebook</a> <a href="#">X</a> <a href="#">WhatsApp</a></div>
<div id="footer">Horn Observer &copy; 2024. <a href="/privacy">Privacy</a> | <a href="/terms">Terms</a></div>
</body>
</html>
"""

MOST_READ_JSON = (
    '{"section": "tunisia", "most_read": ['
    '{"rank": 1, "path": "/tunisia/2024/10/12/opposition-figure-arrested"}, '
    '{"rank": 2, "path": "/tunisia/2024/10/02/opposition-coalition"}]}\n'
)


def record_id(name: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(NAMESPACE, name)}>"


def warc_headers(name: str, date: str) -> dict[str, str]:
    return {"WARC-Record-ID": record_id(name), "WARC-Date": date}


def write_request(writer: WARCWriter, url: str, date: str) -> None:
    host = url.split("/")[2]
    path = "/" + url.split("/", 3)[3]
    headers = StatusAndHeaders(
        f"GET {path} HTTP/1.1",
        [("Host", host), ("Accept", "text/html")],
        is_http_request=True,
    )
    record = writer.create_warc_record(
        url, "request", http_headers=headers, warc_headers_dict=warc_headers("request " + url, date)
    )
    writer.write_record(record)


def write_response(writer: WARCWriter, url: str, date: str, body: bytes, content_type: str) -> None:
    headers = StatusAndHeaders(
        "200 OK",
        [("Content-Type", content_type), ("Content-Length", str(len(body)))],
        protocol="HTTP/1.1",
    )
    record = writer.create_warc_record(
        url,
        "response",
        payload=BytesIO(body),
        length=len(body),
        http_headers=headers,
        warc_headers_dict=warc_headers("response " + url, date),
    )
    writer.write_record(record)


def build(output: Path) -> None:
    output.parent.mkdir(parents=True, exist_ok=True)
    nairobi = (HERE / "html" / "nairobi-fuel-tax-protest.html").read_bytes()
    with output.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        info = b"software: samples/build_warc.py\r\nformat: WARC File Format 1.0\r\ndescription: invented test pages\r\n"
        writer.write_record(
            writer.create_warc_record(
                "",
                "warcinfo",
                payload=BytesIO(info),
                length=len(info),
                warc_headers_dict={
                    **warc_headers("warcinfo", "2024-10-20T08:00:00Z"),
                    "WARC-Filename": output.name,
                },
            )
        )
        write_request(writer, NAIROBI_URL, "2024-10-20T08:00:05Z")
        write_response(writer, NAIROBI_URL, "2024-10-20T08:00:05Z", nairobi, "text/html; charset=utf-8")
        write_request(writer, TUNIS_URL, "2024-10-20T08:00:09Z")
        write_response(
            writer, TUNIS_URL, "2024-10-20T08:00:09Z", TUNIS_PAGE.encode("utf-8"), "text/html; charset=UTF-8"
        )
        write_response(
            writer, MOST_READ_URL, "2024-10-20T08:00:10Z", MOST_READ_JSON.encode("utf-8"), "application/json"
        )
        write_request(writer, MOGADISHU_URL, "2024-10-20T08:00:14Z")
        write_response(
            writer,
            MOGADISHU_URL,
            "2024-10-20T08:00:14Z",
            MOGADISHU_PAGE.encode("iso-8859-1", errors="xmlcharrefreplace"),
            "text/html; charset=iso-8859-1",
        )


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT)
