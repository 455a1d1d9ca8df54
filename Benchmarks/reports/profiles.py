"""Profiles of all 2,978 county-level divisions from the gazetteer (config/divisions), as JSON
Lines: id = the division code, name = province + prefecture + county, level, province, and a
text naming the place, from which practiced reads the gazetteer's facts (terrain, former poverty
county, ethnic autonomy…) where it has them. Usage: profiles.py OUT.jsonl"""
import csv
import json
import sys

root = "config/divisions"
provinces = {r["code"]: r["name"] for r in csv.DictReader(open(f"{root}/provinces.csv", encoding="utf-8"))}
cities = {r["code"]: r["name"] for r in csv.DictReader(open(f"{root}/cities.csv", encoding="utf-8"))}
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for area in csv.DictReader(open(f"{root}/areas.csv", encoding="utf-8")):
        province = provinces[area["provinceCode"]]
        city = cities.get(area["cityCode"], "")
        city = "" if city in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划") else city
        name = province + city + area["name"]
        level = "district" if area["name"].endswith("区") else "county"
        out.write(json.dumps({"id": area["code"], "name": name, "level": level, "province": province, "text": name},
                             ensure_ascii=False) + "\n")
