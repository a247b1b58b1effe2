"""Shared by the rule-fixture generators: a golden-corpus raw NXLog record (detection-kb/src/test/resources/raw/nxlog/
corpus_*.json) with a few fields changed, written as a fixture file (one record per line)."""
import json
import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RAW = os.path.join(ROOT, 'detection-kb/src/test/resources/raw/nxlog')
OUT = os.path.join(ROOT, 'sample-events/src/main/resources/rules/windows')


def base(name):
    with open(os.path.join(RAW, 'corpus_%s.json' % name), encoding='utf-8') as f:
        return json.load(f)


def rec(name, message=None, **fields):
    """The corpus record `name` with `fields` set; each changed value is also replaced in Message."""
    r = base(name)
    msg = r.get('Message')
    for k, v in fields.items():
        old = r.get(k)
        if msg is not None and isinstance(old, str) and old and isinstance(v, str) and k not in ('EventTime',):
            msg = msg.replace(old, v)
        r[k] = v
    if 'EventTime' in fields:
        r['EventReceivedTime'] = fields['EventTime']
    if message is not None:
        msg = message
    if msg is not None:
        r['Message'] = msg
    return r


def write(path, *records):
    full = os.path.join(OUT, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, 'w', encoding='utf-8', newline='\n') as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False, separators=(',', ':')) + '\n')
