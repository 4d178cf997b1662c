"""The advisor's web app in a real browser (Debian's chromium, headless, driven by Selenium through chromedriver).

Usage: browser_test.py BASE_URL RESUME_FILE OUTPUT_FOLDER

Pastes a resume, opens the matches, a job's explanation, its gap plan (checking the chart's SVG and that the numbers in
the page equal the JSON API's for the same resume), which credential next, the finder with a facet, and the printable
report; saves a screenshot of each page in OUTPUT_FOLDER. Any failed check exits with status 1.
"""
import json
import sys
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

base, resume_file, output = sys.argv[1], sys.argv[2], sys.argv[3]
resume = open(resume_file, encoding="utf-8").read()
failures = []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message)
    if not condition:
        failures.append(message)


def api(path, body):
    request = urllib.request.Request(base + path, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.load(response)


def shot(name):
    # The whole page: the window is made as tall as the document first.
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1280, max(800, min(height, 6000)))
    driver.save_screenshot(f"{output}/{name}.png")
    print(f"     screenshot {output}/{name}.png")


def labelled_controls():
    """Every visible form control has a label (for=id or wrapping) or an aria-label."""
    missing = []
    for control in driver.find_elements(By.CSS_SELECTOR, "input:not([type=hidden]), textarea, select"):
        cid = control.get_attribute("id")
        has_for = bool(cid) and driver.find_elements(By.CSS_SELECTOR, f"label[for='{cid}']")
        wrapped = driver.execute_script("return arguments[0].closest('label') !== null", control)
        if not (has_for or wrapped or control.get_attribute("aria-label")):
            missing.append(control.get_attribute("name"))
    return missing


options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"]:
    options.add_argument(argument)
driver = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)
driver.implicitly_wait(5)
try:
    # Intake: paste the resume and submit with the keyboard's reach (the button is focusable).
    driver.get(base + "/")
    check(driver.find_element(By.TAG_NAME, "h1").text.startswith("Match a person"), "the start page has its heading")
    check(labelled_controls() == [], "every control of the start page is labelled")
    driver.find_element(By.ID, "text").send_keys(resume)
    shot("1-intake")
    button = driver.find_element(By.CSS_SELECTOR, "form[action='/people'] button[type=submit]")
    button.send_keys(Keys.ENTER)
    WebDriverWait(driver, 60).until(expected_conditions.url_contains("/resumes/"))

    # Matches: a ranked table with bars, and the skills found with the words they came from.
    rows = driver.find_elements(By.CSS_SELECTOR, "tr[data-job]")
    check(len(rows) > 0, f"the matches page lists jobs ({len(rows)})")
    check("/resumes/" in driver.current_url, "the resume's pages are under /resumes/KEY")
    quotes = driver.find_elements(By.CSS_SELECTOR, "#skills ~ table q")
    check(len(quotes) > 0, f"skills found show the text they came from ({len(quotes)} quotes)")
    expected = api("/v1/match", {"candidate": {"text": resume}, "top": 10})
    shown_jobs = [row.get_attribute("data-job") for row in rows]
    check(shown_jobs == [m["job"] for m in expected["matches"]], "the jobs and their order equal POST /v1/match's")
    shown_fits = [row.find_element(By.CSS_SELECTOR, ".fit").text for row in rows]
    check(shown_fits == [f"{m['score']:.3f}" for m in expected["matches"]], "the fit of every job equals POST /v1/match's")
    shot("2-matches")

    # The best job's explanation.
    job = shown_jobs[0]
    rows[0].find_element(By.TAG_NAME, "a").click()
    WebDriverWait(driver, 30).until(expected_conditions.url_contains("/jobs/"))
    fit = api("/v1/fit", {"candidate": {"text": resume}, "job": job})
    check(driver.find_element(By.CSS_SELECTOR, ".fit-score").text == f"{fit['score']:.3f}", "the explanation's fit equals POST /v1/fit's")
    lines = driver.find_elements(By.CSS_SELECTOR, "table.explanation tbody tr")
    check(len(lines) == len(fit["skills"]), f"the explanation has one row per requirement ({len(lines)})")
    check(labelled_controls() == [], "every plan control is labelled")
    shot("3-explanation")

    # The gap plan: the table, the chart and the API's plan agree.
    driver.find_element(By.CSS_SELECTOR, "form[aria-label='Plan options'] button[type=submit]").click()
    WebDriverWait(driver, 30).until(expected_conditions.url_contains("/plan"))
    plan = api("/v1/gap", {"candidate": {"text": resume}, "job": job})
    after = driver.find_element(By.ID, "score-after").text
    check(after == f"{plan['scoreAfter']:.3f}", f"the plan's fit after ({after}) equals POST /v1/gap's")
    check(driver.find_element(By.ID, "score-before").text == f"{plan['scoreBefore']:.3f}", "the plan's fit before equals POST /v1/gap's")
    steps = [row.get_attribute("data-credential") for row in driver.find_elements(By.CSS_SELECTOR, "#plan tbody tr")]
    check(steps == [c["id"] for c in plan["credentials"]], f"the credentials and their order equal the API's ({len(steps)})")
    points = driver.find_elements(By.CSS_SELECTOR, "svg#fit-chart circle.point")
    check(len(points) == len(steps) + 1, f"the chart has a point for now and one per credential ({len(points)})")
    if points:
        check(points[0].get_attribute("data-fit") == f"{plan['scoreBefore']:.3f}", "the chart starts at the fit before")
        check(points[-1].get_attribute("data-fit") == f"{plan['scoreAfter']:.3f}", "the chart ends at the fit after")
        fits = [float(p.get_attribute("data-fit")) for p in points]
        check(fits == sorted(fits), "the fit never falls along the plan")
        total = sum(c["cost"] or 0 for c in plan["credentials"])
        check(abs(float(points[-1].get_attribute("data-cost")) - total) < 0.01, "the chart's last point is at the plan's total cost")
    shot("4-plan")

    # A target and the hours axis, from the controls.
    target = driver.find_element(By.ID, "target")
    target.clear()
    target.send_keys("0.8")
    driver.find_element(By.ID, "axis").send_keys("hours")
    driver.find_element(By.CSS_SELECTOR, "form[aria-label='Plan options'] button[type=submit]").click()
    WebDriverWait(driver, 30).until(expected_conditions.url_contains("target=0.8"))
    check("target=0.8" in driver.current_url and "axis=hours" in driver.current_url, f"the controls are in the plan's address ({driver.current_url.split('?')[-1]})")
    errors = driver.find_elements(By.CSS_SELECTOR, "p.error")
    if not errors:
        check(bool(driver.find_elements(By.CSS_SELECTOR, "svg#fit-chart circle[data-hours]")), "the chart counts hours when asked")
    shot("5-plan-target")

    # Which credential next.
    driver.find_element(By.LINK_TEXT, "Which credential next").click()
    WebDriverWait(driver, 30).until(expected_conditions.url_contains("/next"))
    check(driver.find_element(By.TAG_NAME, "h1").text.startswith("Which credential next"), "the next page opens")
    shot("6-next")

    # The printable report.
    driver.find_element(By.LINK_TEXT, "Printable report").click()
    WebDriverWait(driver, 30).until(expected_conditions.url_contains("/report"))
    check(bool(driver.find_elements(By.CSS_SELECTOR, "svg#fit-chart")), "the report has the plan's chart")
    shot("7-report")

    # The finder: a keyword search, then a facet.
    driver.get(base + "/credentials")
    query = driver.find_element(By.ID, "q")
    query.send_keys("network")
    query.submit()
    WebDriverWait(driver, 30).until(expected_conditions.url_contains("q=network"))
    count = driver.find_element(By.ID, "result-count").text
    check(count.split()[0].isdigit() and int(count.split()[0]) > 0, f"the finder finds credentials ({count})")
    facet = driver.find_element(By.CSS_SELECTOR, "input[name=type]")
    facet.click()
    driver.find_element(By.CSS_SELECTOR, "form[role=search] button[type=submit]").click()
    WebDriverWait(driver, 30).until(expected_conditions.url_contains("type="))
    check("type=" in driver.current_url, "a facet filters the search")
    shot("8-finder")
finally:
    driver.quit()

if failures:
    print(f"browser test: {len(failures)} check(s) failed")
    sys.exit(1)
print("browser test: every check passed")
