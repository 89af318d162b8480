"""Articles for the API tests: three outlets reporting the same incident in Aleppo with
different figures, and one displacement report from Mosul."""

import json

ARTICLES = [
    {"id": "a1", "outlet": "Outlet A", "published": "2020-10-05", "url": "https://a.example/1",
     "title": "مقتل 20 شخصاً في قصف على سوق في حلب",
     "text": "قال المرصد السوري لحقوق الإنسان إن 20 شخصاً قتلوا أمس الأحد في قصف على سوق في "
             "حلب. واعتقلت قوات الأمن 5 أشخاص في المدينة."},
    {"id": "a2", "outlet": "Outlet B", "published": "2020-10-06",
     "title": "مصادر طبية: 35 قتيلاً في حلب",
     "text": "أفادت مصادر طبية بمقتل نحو 35 شخصاً أمس الأحد في قصف استهدف سوقاً في مدينة حلب."},
    {"id": "a3", "outlet": "Outlet C", "published": "2020-10-05",
     "title": "الدفاع المدني: 28 قتيلاً في حلب",
     "text": "قال الدفاع المدني السوري إن 28 شخصاً قتلوا أمس الأحد في قصف على سوق في مدينة "
             "حلب <script>alert(1)</script>."},
    {"id": "b1", "outlet": "Outlet A", "published": "2020-09-30",
     "title": "نزوح في الموصل",
     "text": "قالت الأمم المتحدة إن 300 عائلة نزحت من مدينة الموصل خلال الأسبوع الماضي."},
]

TOKEN = "s3cret-token"


def write_corpus(path, articles):
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles),
                    encoding="utf-8")
    return path


def slow_extract(job):
    """An extraction worker's job that sleeps ``float(text)`` seconds when the text is a
    number (for the time-budget tests), else extracts."""
    import time

    from rasd.api.workers import extract_job

    try:
        seconds = float(job["text"])
    except ValueError:
        return extract_job(job)
    time.sleep(seconds)
    return {"doc_id": "slept", "text": job["text"], "claims": []}
