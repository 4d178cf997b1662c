#!/usr/bin/env python3
"""A pool of job seekers for timing `skillmatch gaps`: N people made from the demo candidates, each keeping about
80% of a demo candidate's skills with levels moved by -0.25, 0 or +0.25 (kept in (0, 1]). Seeded: the same N gives
the same pool.

    python3 make-pool.py 2000 > /tmp/pool.jsonl
    skillmatch gaps --candidates /tmp/pool.jsonl --jobs 15-1232.00,15-1244.00,15-1212.00,13-1081.00 --format json
"""
import json
import pathlib
import random
import sys


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    demo = pathlib.Path(__file__).resolve().parent.parent / "datasets" / "demo" / "candidates.jsonl"
    people = [json.loads(line) for line in demo.read_text().splitlines() if line.strip()]
    rng = random.Random(1)
    for index in range(count):
        base = rng.choice(people)
        skills = []
        for skill in base["skills"]:
            if rng.random() < 0.8:
                level = min(1.0, skill["level"] + rng.choice([-0.25, 0.0, 0.25]))
                if level > 0:
                    skills.append({"skill": skill["skill"], "level": level})
        person = {"id": f"p{index}", "name": f"Person {index}", "skills": skills, "credentials": base.get("credentials", [])}
        print(json.dumps(person))


if __name__ == "__main__":
    main()
