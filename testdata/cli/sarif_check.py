#!/usr/bin/python3
"""Check SARIF logs written by await-holding.

    sarif_check.py SCHEMA|- FILE...

Each FILE is validated against the official SARIF 2.1.0 JSON schema
(SCHEMA; '-' skips that part) with format checks on (uri, uri-reference,
date-time: python3-jsonschema with python3-rfc3987), and against what
GitHub code scanning needs of an upload: relative uris under a uriBaseId
given in originalUriBaseIds, rule descriptions and help, a partial
fingerprint per result, message links that name related locations.
Prints one line per problem; exits 1 if there is any.
"""
import json
import re
import sys

import jsonschema


def github_problems(doc):
    out = []
    runs = doc.get("runs") or []
    if len(runs) != 1:
        return ["expected one run"]
    run = runs[0]
    driver = run["tool"]["driver"]
    for key in ("name", "version", "semanticVersion", "informationUri"):
        if not driver.get(key):
            out.append(f"tool.driver.{key} missing")
    rules = driver.get("rules") or []
    if not rules:
        out.append("no rules")
    for r in rules:
        for key in ("shortDescription", "fullDescription"):
            if not r.get(key, {}).get("text"):
                out.append(f"rule {r.get('id')}: {key}.text missing")
        help_ = r.get("help", {})
        if not help_.get("text") or not help_.get("markdown"):
            out.append(f"rule {r.get('id')}: help text and markdown needed")
        if not r.get("helpUri"):
            out.append(f"rule {r.get('id')}: helpUri missing")
    bases = run.get("originalUriBaseIds", {})
    root = bases.get("%SRCROOT%", {}).get("uri", "")
    if not (root.startswith("file:///") and root.endswith("/")):
        out.append(f"originalUriBaseIds %SRCROOT% is not an absolute directory uri: {root!r}")

    def check_loc(loc, what):
        art = loc.get("physicalLocation", {}).get("artifactLocation", {})
        uri = art.get("uri", "")
        if uri.startswith("file:///"):
            return
        if art.get("uriBaseId") != "%SRCROOT%" or uri.startswith("/") or ":" in uri.split("/")[0]:
            out.append(f"{what}: uri {uri!r} is not relative to %SRCROOT%")

    for i, res in enumerate(run.get("results", [])):
        what = f"result {i}"
        if res.get("ruleId") not in {r.get("id") for r in rules}:
            out.append(f"{what}: unknown ruleId")
        locs = res.get("locations", [])
        if len(locs) != 1 or locs[0]["physicalLocation"]["region"]["startLine"] < 1:
            out.append(f"{what}: needs one location with a startLine")
        for loc in locs:
            check_loc(loc, what)
        if not res.get("partialFingerprints"):
            out.append(f"{what}: no partialFingerprints")
        ids = [r.get("id") for r in res.get("relatedLocations", [])]
        if len(ids) != len(set(ids)):
            out.append(f"{what}: related location ids repeat")
        for r in res.get("relatedLocations", []):
            check_loc(r, what + " related")
        text = res["message"]["text"]
        for m in re.finditer(r"(?<!\\)\[((?:[^\]\\]|\\.)*)\]\((\d+)\)", text):
            if int(m.group(2)) not in ids:
                out.append(f"{what}: message links to unknown location {m.group(2)}")
    inv = run.get("invocations") or []
    if len(inv) != 1 or not isinstance(inv[0].get("executionSuccessful"), bool):
        out.append("invocations[0].executionSuccessful missing")
    for n in (inv[0].get("toolExecutionNotifications", []) if inv else []):
        for loc in n.get("locations", []):
            check_loc(loc, "notification")
    return out


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    validator = None
    if sys.argv[1] != "-":
        with open(sys.argv[1], encoding="utf-8") as f:
            schema = json.load(f)
        validator = jsonschema.Draft4Validator(
            schema, format_checker=jsonschema.FormatChecker())
    bad = 0
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        problems = []
        if validator:
            problems += [f"schema: {'/'.join(map(str, e.absolute_path))}: {e.message}"
                         for e in validator.iter_errors(doc)]
        problems += github_problems(doc)
        for p in problems:
            print(f"{path}: {p}")
        bad += bool(problems)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
