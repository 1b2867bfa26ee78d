#!/usr/bin/env python3
"""Validates tact's junit and sarif reports against the schemas CI consumers use.

  tests/validate_reports.py --tact build/tact [--schemas DIR]

Reports of examples/ and tests/data/formats, of an input full of XML
specials, control characters and a broken file, of --summary runs and of
`tact merge` are checked: JUnit with `xmllint --schema junit-10.xsd` (the
Jenkins/Surefire schema) plus the counts of every <testsuite>, SARIF with
python3-jsonschema against the OASIS SARIF 2.1.0 schema (its own draft, no
remote $ref is ever fetched) plus the rule ids of every result. The schemas
are copies in tests/schemas (see PROVENANCE.md there). Exit 0 when all is
valid, 1 on the first invalid report, 77 (CTest: skipped) when xmllint or
jsonschema are missing, saying which; with TACT_NO_SKIP=1 (as in .ci/run) a
missing tool fails instead.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

SKIP = 1 if os.environ.get("TACT_NO_SKIP") == "1" else 77
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def load_jsonschema():
    """jsonschema from this interpreter, else re-run under Debian's python3 that has it."""
    try:
        import jsonschema  # noqa: F401
        return True
    except ImportError:
        pass
    system = "/usr/bin/python3"
    if os.path.realpath(sys.executable) != os.path.realpath(system) and os.path.exists(system):
        if subprocess.run([system, "-c", "import jsonschema"], capture_output=True).returncode == 0:
            os.execv(system, [system] + sys.argv)
    return False


def sarif_validator(schema):
    """A validator for the schema's own draft that refuses to fetch anything remote."""
    import jsonschema
    from jsonschema import validators

    def refuse(uri):
        raise RuntimeError(f"refusing to fetch remote schema {uri} (no network in tests)")

    cls = validators.validator_for(schema, default=jsonschema.Draft4Validator)
    try:  # jsonschema >= 4.18
        import referencing
        import referencing.jsonschema

        spec = referencing.jsonschema.specification_with(
            schema.get("$schema", ""), default=referencing.jsonschema.DRAFT4)
        resource = referencing.Resource(contents=schema, specification=spec)
        registry = referencing.Registry(retrieve=refuse).with_resource(schema.get("id", ""), resource)
        return cls(schema, registry=registry)
    except ImportError:  # Debian 12's jsonschema 4.10
        # The schema is stored under its draft-04 "id", which local "#/..." refs
        # resolve against; from_schema() would key it by "$id" and fetch it.
        base = schema.get("id", "")
        resolver = jsonschema.RefResolver(base, schema, store={base: schema},
                                          handlers={"http": refuse, "https": refuse, "ftp": refuse})
        return cls(schema, resolver=resolver)


def run_tact(tact, args, allowed=(0,)):
    p = subprocess.run([tact] + args, cwd=ROOT, capture_output=True)
    if p.returncode not in allowed:
        raise SystemExit(f"FAIL: tact {' '.join(args)} exited {p.returncode}:\n"
                         f"{p.stderr.decode(errors='replace')}")
    return p.stdout


def check_junit(name, data, xsd, tmp):
    path = os.path.join(tmp, name + ".xml")
    with open(path, "wb") as f:
        f.write(data)
    p = subprocess.run(["xmllint", "--noout", "--nonet", "--schema", xsd, path],
                       capture_output=True, text=True)
    if p.returncode != 0:
        raise SystemExit(f"FAIL: {name}: not valid against junit-10.xsd:\n{p.stderr[:3000]}")
    root = ET.fromstring(data)
    cases = 0
    for suite in root.iter("testsuite"):
        tcs = suite.findall("testcase")
        want = {
            "tests": len(tcs),
            "failures": sum(1 for t in tcs if t.find("failure") is not None),
            "errors": sum(1 for t in tcs if t.find("error") is not None),
            "skipped": sum(1 for t in tcs if t.find("skipped") is not None),
        }
        for attr, n in want.items():
            if int(suite.get(attr, "0")) != n:
                raise SystemExit(f"FAIL: {name}: testsuite '{suite.get('name')}' says "
                                 f"{attr}={suite.get(attr)}, has {n}")
        cases += len(tcs)
    print(f"ok   {name}: junit valid, {cases} test case(s)")


def check_sarif(name, data, validator):
    import jsonschema

    doc = json.loads(data)
    try:
        validator.validate(doc)
    except jsonschema.ValidationError as e:
        raise SystemExit(f"FAIL: {name}: not valid SARIF 2.1.0 at "
                         f"{'/'.join(map(str, e.absolute_path))}: {e.message[:500]}")
    run = doc["runs"][0]
    rules = {r["id"] for r in run["tool"]["driver"]["rules"]}
    for res in run["results"]:
        if res["ruleId"] not in rules:
            raise SystemExit(f"FAIL: {name}: result for '{res['ruleId']}' has no rule")
        for loc in res.get("locations", []):
            region = loc.get("physicalLocation", {}).get("region")
            if region is not None and region.get("startLine", 0) < 1:
                raise SystemExit(f"FAIL: {name}: result without a startLine")
    print(f"ok   {name}: sarif valid, {len(run['results'])} result(s), {len(rules)} rule(s)")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tact", required=True)
    ap.add_argument("--schemas", default=os.path.join(ROOT, "tests", "schemas"))
    a = ap.parse_args()
    tact = os.path.abspath(a.tact)
    xsd = os.path.join(a.schemas, "junit-10.xsd")
    sarif_schema = os.path.join(a.schemas, "sarif-schema-2.1.0.json")

    missing = []
    if not (os.path.exists(xsd) and os.path.exists(sarif_schema)):
        print(f"SKIPPED: schemas not found in {a.schemas} (expected junit-10.xsd and "
              "sarif-schema-2.1.0.json)")
        return SKIP
    if shutil.which("xmllint") is None:
        missing.append("xmllint (Debian package libxml2-utils): junit reports not validated")
    validator = None
    if load_jsonschema():
        with open(sarif_schema, encoding="utf-8") as f:
            validator = sarif_validator(json.load(f))
    else:
        missing.append("python3 jsonschema (Debian package python3-jsonschema): "
                       "sarif reports not validated")

    with tempfile.TemporaryDirectory() as tmp:
        # An input with XML specials, control characters and invalid UTF-8, and a broken file.
        odd = os.path.join(tmp, "odd <&> 'quotes'.txt")
        with open(odd, "wb") as f:
            f.write(b"Customer: My <router> & \"modem\" don't work \x01\x02 at all \xff\xfe!\n"
                    b"Agent: It's your fault ]]> for not checking & <b>rebooting</b>\x1b[0m.\n"
                    b"Customer: \x07Thanks\x0b\n")
        broken = os.path.join(tmp, "broken.jsonl")
        with open(broken, "wb") as f:
            f.write(b'{"broken":\n{"id":"x\\u0001<y>","turns":[{"speaker":"agent",'
                    b'"text":"sorry \\u0002 & <ok>"}]}\n')
        corpus = ["examples/", "tests/data/formats"]
        for i in (1, 2):
            with open(os.path.join(tmp, f"s{i}.json"), "wb") as f:
                f.write(run_tact(tact, ["check", "--summary", "--format", "json", "--shard",
                                        f"{i}/2"] + corpus))
        merge_in = [os.path.join(tmp, "s1.json"), os.path.join(tmp, "s2.json")]
        runs = [
            ("check", ["check"] + corpus, (0,)),
            ("check-odd", ["check", "--fail-on", "violated>0", odd, broken, "examples/"], (3,)),
            ("summary", ["check", "--summary"] + corpus, (0,)),
            ("summary-odd", ["check", "--summary", odd, broken], (3,)),
            ("merge", ["merge"] + merge_in, (0,)),
        ]
        for name, args, allowed in runs:
            if shutil.which("xmllint") is not None:
                check_junit(name, run_tact(tact, args[:1] + ["--format", "junit"] + args[1:],
                                           allowed), xsd, tmp)
            if validator is not None:
                check_sarif(name, run_tact(tact, args[:1] + ["--format", "sarif"] + args[1:],
                                           allowed), validator)
    if missing:
        for m in missing:
            print("SKIPPED: " + m)
        return SKIP
    print("all junit and sarif reports valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
