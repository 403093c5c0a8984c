#!/usr/bin/env python3
"""Illustrative attendance registrations for tertial's sample reports.

The seed reports of Kommunal utveckling Jönköpings län give only summary
facts about attendance ("närvaro"): how many networks, how many reach the
target, the span of the network and municipality averages, PKS and the
municipal directors, the meeting forms, and so on. The single registrations
behind the charts (which municipality was present at which meeting) are not
in them. This script builds deterministic, ILLUSTRATIVE registrations that
agree with every fact the seed text states, verifies those facts itself by
recomputing every figure exactly as `src/domain/figures.rs` does, and prints
the RON text of the workspace field `attendance: ( ... ),` for:

  2019  Resultatuppföljning helår 2019        (seed 001)
  2020  Delårsrapport tertial 1-2 2020         (seeds 003 sections 3.2-3.4, 000)
  2022  Resultatuppföljning tertial 1-2 2022   (seed 002)

Method (per report): choose per-network meeting counts, dates (Tuesdays to
Thursdays, no holidays, none in July) and forms; choose per-network present
counts (hand-picked levels, then a deterministic local search so that the
network facts hold: count at 80 %, span, mean); choose per-municipality
present counts (hand-picked levels within a band, the stated values pinned)
adding up to the same total; fill the network x municipality matrix of
present counts by iterative proportional fitting plus integer repair; spread
each municipality's presences over the network's meetings, keeping meeting
sizes even. Last year's value per network is drawn near this year's, with
the mean at the earlier period's "samtliga nätverk"; last year's value per
municipality is hand-set for 2019 and 2022 and, for 2020, is the 2019
sample's own per-municipality result (so Mullsjö 57 %). A fixed random seed makes the output identical on every
run. Any fact that does not hold makes the script stop with an error.

Usage:
  illustrative_attendance.py            verify all three, print all three
  illustrative_attendance.py 2020       verify all three, print one
  illustrative_attendance.py --write    verify all three, write
                                        attendance-<year>.ron.part next to this script

Python 3, standard library only.
"""

import datetime
import math
import os
import random
import sys
from fractions import Fraction as Fr

SEED = 20200831

# Municipality enum names in Municipality::ALL order (src/domain/municipality.rs).
MUNIS = [
    "Aneby", "Eksjo", "Gislaved", "Gnosjo", "Habo", "Jonkoping", "Mullsjo",
    "Nassjo", "Savsjo", "Tranas", "Vaggeryd", "Vetlanda", "Varnamo",
]
NAME = {
    "Aneby": "Aneby", "Eksjo": "Eksjö", "Gislaved": "Gislaved", "Gnosjo": "Gnosjö",
    "Habo": "Habo", "Jonkoping": "Jönköping", "Mullsjo": "Mullsjö", "Nassjo": "Nässjö",
    "Savsjo": "Sävsjö", "Tranas": "Tranås", "Vaggeryd": "Vaggeryd",
    "Vetlanda": "Vetlanda", "Varnamo": "Värnamo",
}
NM = len(MUNIS)
FORMS = ["Fysiskt", "Digitalt", "Kombination"]
NETWORK_KINDS = ("Natverk", "Styrgrupp")


class FactError(Exception):
    pass


def need(cond, msg):
    if not cond:
        raise FactError(msg)


# ------------------------------------------------------------ exact figures

def rhu(x):
    """Round half away from zero to a whole number (values here are >= 0)."""
    x = Fr(x)
    return math.floor(x + Fr(1, 2)) if x >= 0 else -math.floor(-x + Fr(1, 2))


def safe_round(x, what):
    """rhu, refusing values whose fraction is exactly one half: Rust's
    28-digit decimals could round such a mean the other way."""
    x = Fr(x)
    need(x - math.floor(x) != Fr(1, 2), f"{what} is exactly at a rounding boundary ({float(x)})")
    return rhu(x)


def split_shares(parts):
    """Largest remainder, as figures::split_shares (ties: larger part, then earlier)."""
    whole = sum(parts)
    if whole <= 0:
        return [None] * len(parts)
    exact = [Fr(p * 100, whole) for p in parts]
    floors = [math.floor(e) for e in exact]
    missing = 100 - sum(floors)
    order = sorted(range(len(parts)), key=lambda i: (-(exact[i] - floors[i]), -exact[i], i))
    for i in order:
        if missing <= 0:
            break
        floors[i] += 1
        missing -= 1
    return floors


class Group:
    def __init__(self, name, kind, members=None, regional_members=0):
        self.name = name
        self.kind = kind
        self.members = members  # None = all 13
        self.regional_members = regional_members
        self.meetings = []  # (date, form, set(present), regional_present)
        self.entered = None  # dict
        self.earlier = None  # int percent

    def member_list(self):
        return list(MUNIS) if not self.members else sorted(set(self.members), key=MUNIS.index)


def group_figures(g, target):
    """figures::group."""
    f = {"meetings": 0, "average": None, "municipal": None, "regional": None, "forms": [0, 0, 0]}
    if not g.meetings:
        if g.entered:
            e = g.entered
            f["meetings"] = e["meetings"]
            f["average"] = Fr(e["total"]) if e.get("total") is not None else None
            f["municipal"] = Fr(e["municipalities"]) if e.get("municipalities") is not None else None
            f["regional"] = Fr(e["region"]) if e.get("region") is not None else None
            f["forms"] = [e.get("fysiskt", 0), e.get("digitalt", 0), e.get("kombination", 0)]
    else:
        members = g.member_list()
        mp = rp = 0
        for (_date, form, present, regional) in g.meetings:
            mp += sum(1 for x in members if x in present)
            rp += min(regional, g.regional_members)
            f["forms"][FORMS.index(form)] += 1
        n = len(g.meetings)
        f["meetings"] = n
        me, re_ = len(members) * n, g.regional_members * n
        f["municipal"] = Fr(100 * mp, me) if me else None
        f["regional"] = Fr(100 * rp, re_) if re_ else None
        f["average"] = Fr(100 * (mp + rp), me + re_) if me + re_ else None
    f["reaches"] = None if f["average"] is None else safe_round(f["average"], g.name) >= target
    return f


def attendance_figures(att):
    """figures::attendance, exactly (Fractions)."""
    target = att["target"]
    gf = [group_figures(g, target) for g in att["groups"]]
    nets = [(g, f) for g, f in zip(att["groups"], gf) if g.kind in NETWORK_KINDS]
    avgs = [f["average"] for _, f in nets if f["average"] is not None]
    out = {"groups": gf, "networks": len(nets)}
    out["reaching"] = sum(1 for _, f in nets if f["reaches"])
    out["all_networks"] = sum(avgs) / len(avgs) if avgs else None
    rounded = [safe_round(a, "network average") for a in avgs]
    out["network_range"] = (min(rounded), max(rounded)) if rounded else None
    out["network_meetings"] = sum(f["meetings"] for _, f in nets)
    forms = [0, 0, 0]
    for f in gf:
        for i in range(3):
            forms[i] += f["forms"][i]
    out["forms"] = forms
    out["form_shares"] = split_shares(forms)
    present = dict.fromkeys(MUNIS, 0)
    expected = dict.fromkeys(MUNIS, 0)
    for g, _ in nets:
        members = g.member_list()
        for (_d, _f, p, _r) in g.meetings:
            for x in members:
                expected[x] += 1
                if x in p:
                    present[x] += 1
    munis = {m: (Fr(100 * present[m], expected[m]) if expected[m] else None) for m in MUNIS}
    out["municipalities"] = munis
    mr = [safe_round(v, NAME[m]) for m, v in munis.items() if v is not None]
    out["municipality_range"] = (min(mr), max(mr)) if mr else None
    out["municipalities_up"] = sum(
        1 for m, v in munis.items()
        if v is not None and m in att["municipality_earlier"]
        and safe_round(v, NAME[m]) > att["municipality_earlier"][m])

    def first_of(kind):
        for g, f in zip(att["groups"], gf):
            if g.kind == kind:
                return f["average"]
        return None

    out["pks"] = first_of("Pks")
    out["directors"] = first_of("Kommundirektorer")
    reg = [safe_round(f["average"], g.name) for g, f in zip(att["groups"], gf)
           if g.kind == "RegionSamverkan" and f["average"] is not None]
    out["region_range"] = (min(reg), max(reg)) if reg else None
    if out["all_networks"] is not None:
        safe_round(out["all_networks"], "samtliga nätverk")
    return out


def check_problems(att, start, end):
    """The attendance checks of src/domain/check.rs, plus plausibility."""
    for g in att["groups"]:
        members = g.member_list()
        need(g.meetings or g.entered, f"{g.name}: no meetings and no entered averages")
        last = None
        for (date, form, present, regional) in g.meetings:
            datetime.date.fromisoformat(date)
            need(start <= date <= end, f"{g.name}: {date} outside {start}..{end}")
            need(all(p in members for p in present), f"{g.name} {date}: present non-member")
            need(regional <= g.regional_members, f"{g.name} {date}: regional present > members")
            need(form in FORMS, f"{g.name} {date}: form {form}")
            need(last is None or date > last, f"{g.name}: dates not increasing at {date}")
            need(datetime.date.fromisoformat(date).weekday() < 5, f"{g.name}: {date} is a weekend")
            need(len(present) >= 1, f"{g.name} {date}: nobody present")
            last = date
        if g.entered:
            e = g.entered
            s = e.get("fysiskt", 0) + e.get("digitalt", 0) + e.get("kombination", 0)
            need(s == e["meetings"] or s == 0, f"{g.name}: entered forms do not add up")
            for k in ("total", "municipalities", "region"):
                if e.get(k) is not None:
                    need(0 <= e[k] <= 100, f"{g.name}: entered {k} out of 0..100")
        if g.earlier is not None:
            need(0 <= g.earlier <= 100, f"{g.name}: earlier out of 0..100")


# ------------------------------------------------------------------- dates

HOLIDAYS = {
    # Swedish public holidays on a Tuesday-Thursday in the three years.
    "2019-01-01", "2019-05-01", "2019-05-30", "2019-06-06", "2019-12-24", "2019-12-25",
    "2019-12-26", "2019-12-31",
    "2020-01-01", "2020-05-21",
    "2022-01-06", "2022-05-26",
}


def candidate_days(year, month_weights):
    """Tuesdays-Thursdays of `year` with the weight of their month (0 = none)."""
    days = []
    d = datetime.date(year, 1, 1)
    while d.year == year:
        w = month_weights.get(d.month, 0)
        iso = d.isoformat()
        if d.weekday() in (1, 2, 3) and w > 0 and iso not in HOLIDAYS:
            # No meetings in the Christmas/New Year weeks or at midsummer.
            if not ((d.month == 1 and d.day < 8) or (d.month == 12 and d.day > 18)
                    or (d.month == 6 and d.day > 18) or (d.month == 8 and d.day < 10)):
                days.append((iso, w))
        d += datetime.timedelta(days=1)
    return days


def spread_dates(rng, n, days):
    """n distinct dates, one in each of n equal-weight slices of the period."""
    total = sum(w for _, w in days)
    out = []
    for k in range(n):
        lo, hi = total * k / n, total * (k + 1) / n
        acc, pool = 0.0, []
        for iso, w in days:
            mid = acc + w / 2
            if lo <= mid < hi:
                pool.append(iso)
            acc += w
        # Keep to the inner part of the slice so neighbouring dates are apart.
        cut = len(pool) // 5
        inner = pool[cut:len(pool) - cut] or pool
        out.append(rng.choice(inner))
    need(len(set(out)) == n, "duplicate meeting dates")
    return sorted(out)


# ------------------------------------------------------------ construction

def snap_count(pct, expected):
    """The present count whose rounded percent is nearest `pct` (lower on ties)."""
    best = None
    for k in range(expected + 1):
        d = abs(rhu(Fr(100 * k, expected)) - pct)
        if best is None or d < best[0]:
            best = (d, k)
    return best[1]


def choose_network_counts(specs, s_range, s_pref, mean_target, allowed):
    """Present counts P per network: within allowed(i) (a set of counts),
    sum(P) within s_range (the sums the municipalities can take) and near
    s_pref, the mean of the network averages rounding to mean_target, and
    near the desired levels. Deterministic greedy local search over single
    and paired +-1 moves (floats for speed; the result is checked exactly)."""
    n13 = [13 * s["n"] for s in specs]
    ok = [allowed(i) for i in range(len(specs))]
    P = [snap_count(s["pct"], n13[i]) for i, s in enumerate(specs)]
    for i in range(len(P)):
        need(ok[i], f"{specs[i]['name']}: no allowed present count")
        if P[i] not in ok[i]:
            P[i] = min(sorted(ok[i]), key=lambda k: abs(k - P[i]))
    lo, hi = mean_target - 0.5 + 0.02, mean_target + 0.5 - 0.02
    smin, smax = s_range

    def score(P):
        m = sum(100 * P[i] / n13[i] for i in range(len(P))) / len(P)
        md = 0 if lo <= m < hi else abs(m - mean_target)
        t = sum(P)
        sd = max(smin - t, 0, t - smax)
        dev = sum(abs(100 * P[i] / n13[i] - specs[i]["pct"]) for i in range(len(P)))
        # Hard: the sum range and the mean's rounding. Soft: the mean near
        # the middle of its rounding interval, the levels near the desired
        # ones, the sum near the municipalities' desired sum.
        return (1000 * sd + 100 * md + abs(m - mean_target) / 2 + dev / 100
                + abs(t - s_pref) / 500)

    cur = score(P)
    moves = [((i, d),) for i in range(len(P)) for d in (1, -1)]
    moves += [((i, 1), (j, -1)) for i in range(len(P)) for j in range(len(P)) if i != j]
    for _ in range(5000):
        best = None
        for mv in moves:
            Q = list(P)
            for i, d in mv:
                Q[i] += d
            if any(Q[i] not in ok[i] for i, _ in mv):
                continue
            sc = score(Q)
            if sc < cur - 1e-12 and (best is None or sc < best[0]):
                best = (sc, Q)
        if best is None:
            break
        cur, P = best
    need(smin <= sum(P) <= smax, f"network present counts sum {sum(P)} outside {s_range}")
    mean = sum(Fr(100 * P[i], n13[i]) for i in range(len(P))) / len(P)
    need(safe_round(mean, "mean") == mean_target, "network mean not reached")
    return P


def choose_municipality_counts(desired, M, total, allowed):
    """Present counts Q per municipality (over its M expected seats): within
    allowed(m), adding up to `total`, near the desired levels."""
    ok = {m: allowed(m) for m in MUNIS}
    Q = {}
    for m in MUNIS:
        need(ok[m], f"{NAME[m]}: no allowed present count")
        q = snap_count(desired[m], M)
        Q[m] = q if q in ok[m] else min(sorted(ok[m]), key=lambda k: abs(k - q))
    while sum(Q.values()) != total:
        step = 1 if sum(Q.values()) < total else -1
        cands = [m for m in MUNIS if Q[m] + step in ok[m]]
        need(cands, "municipality counts cannot reach the network total")
        # The one whose level moves least away from (or most towards) its desired level.
        m = min(cands, key=lambda m: (abs(100 * (Q[m] + step) / M - desired[m])
                                      - abs(100 * Q[m] / M - desired[m]), MUNIS.index(m)))
        Q[m] += step
    return [Q[m] for m in MUNIS]


def muni_allowed(M, desired, band, fixed=(), lo=0, hi=100, earlier=None, up=()):
    """Allowed present counts of a municipality: rounded percent within
    `band` of its desired level and lo..hi; those in `fixed` exactly at their
    desired level; with `earlier`, above last year's value exactly for the
    municipalities in `up` and at or below it for the others."""
    def allowed(m):
        out = set()
        for k in range(M + 1):
            r = rhu(Fr(100 * k, M))
            if m in fixed:
                if r == desired[m]:
                    out.add(k)
                continue
            if not (lo <= r <= hi and abs(r - desired[m]) <= band):
                continue
            if earlier is not None and (r > earlier[m]) != (m in up):
                continue
            out.add(k)
        return out
    return allowed


def fill_matrix(rng, row_sums, caps, col_sums, row_level, col_level):
    """Integers x[g][m] in 0..caps[g] with the given row and column sums,
    close to a smooth product model with noise (IPF, then integer repair)."""
    G = len(row_sums)
    need(sum(row_sums) == sum(col_sums), "matrix sums differ")
    t = [[caps[g] * row_level[g] * col_level[m] * rng.uniform(0.85, 1.15) for m in range(NM)]
         for g in range(G)]
    for _ in range(500):
        for g in range(G):
            s = sum(t[g])
            t[g] = [min(caps[g], v * row_sums[g] / s) for v in t[g]]
        for m in range(NM):
            s = sum(t[g][m] for g in range(G))
            for g in range(G):
                t[g][m] = min(caps[g], t[g][m] * col_sums[m] / s)
    x = [[int(math.floor(v)) for v in row] for row in t]
    for g in range(G):
        missing = row_sums[g] - sum(x[g])
        order = sorted(range(NM), key=lambda m: -(t[g][m] - x[g][m]))
        for m in order:
            if missing <= 0:
                break
            if x[g][m] < caps[g]:
                x[g][m] += 1
                missing -= 1
        need(missing == 0, "row repair failed")
    for _ in range(10000):
        cols = [sum(x[g][m] for g in range(G)) for m in range(NM)]
        over = [m for m in range(NM) if cols[m] > col_sums[m]]
        if not over:
            break
        under = [m for m in range(NM) if cols[m] < col_sums[m]]
        best = None
        for a in over:
            for b in under:
                for g in range(G):
                    if x[g][a] >= 1 and x[g][b] < caps[g]:
                        cost = ((x[g][a] - 1 - t[g][a]) ** 2 - (x[g][a] - t[g][a]) ** 2
                                + (x[g][b] + 1 - t[g][b]) ** 2 - (x[g][b] - t[g][b]) ** 2)
                        if best is None or cost < best[0]:
                            best = (cost, g, a, b)
        need(best is not None, "column repair failed")
        _, g, a, b = best
        x[g][a] -= 1
        x[g][b] += 1
    for m in range(NM):
        need(sum(x[g][m] for g in range(G)) == col_sums[m], "column sums not met")
    return x


def spread_presence(rng, counts, n):
    """Which of n meetings each municipality attended, given how many
    (counts[m]); keeps the meetings' sizes even."""
    present = [set() for _ in range(n)]
    order = list(range(NM))
    rng.shuffle(order)
    order.sort(key=lambda m: -counts[m])  # the busiest first
    for m in order:
        slots = sorted(range(n), key=lambda k: (len(present[k]), rng.random()))
        for k in slots[:counts[m]]:
            present[k].add(MUNIS[m])
    return present


def absences(rng, n, present_total):
    """Presence sets for n meetings of a 13-member group with present_total seats filled."""
    seats = [(k, m) for k in range(n) for m in MUNIS]
    rng.shuffle(seats)
    absent = set(seats[:13 * n - present_total])
    return [{m for m in MUNIS if (k, m) not in absent} for k in range(n)]


def earlier_values(rng, now_rounded, mean_target, spread, lo=35, hi=100):
    """Last year's values near this year's, with their mean rounding to
    mean_target. The shift to that mean is spread by the room each value
    has below 100, so few values end up at the ceiling."""
    need_shift = mean_target - sum(now_rounded) / len(now_rounded)
    room = [(hi - v) if need_shift > 0 else (v - lo) for v in now_rounded]
    avg_room = sum(room) / len(room) or 1
    vals = [min(hi - 1, max(lo, round(v + need_shift * r / avg_room) + rng.randint(-spread, spread)))
            for v, r in zip(now_rounded, room)]
    for _ in range(5000):
        m = Fr(sum(vals), len(vals))
        if rhu(m) == mean_target and m - math.floor(m) != Fr(1, 2):
            return vals
        step = 1 if m < mean_target else -1
        i = rng.randrange(len(vals))
        if lo <= vals[i] + step <= hi - 1:
            vals[i] += step
    raise FactError("earlier values: mean not reached")


def build_year(cfg, rng):
    specs = cfg["networks"]
    year = cfg["year"]
    days = candidate_days(year, cfg["month_weights"])
    dates = [spread_dates(rng, s["n"], days) for s in specs]
    forms = cfg["assign_forms"](rng, specs, dates)

    # Every municipality is a member of every network, so each has M expected seats.
    M = sum(s["n"] for s in specs)
    desired = cfg["municipalities"]
    mallowed = cfg["muni_allowed"](M)
    s_range = (sum(min(mallowed(m)) for m in MUNIS), sum(max(mallowed(m)) for m in MUNIS))
    s_pref = sum(snap_count(desired[m], M) for m in MUNIS)
    P = choose_network_counts(specs, s_range, s_pref, cfg["all_networks"],
                              lambda i: cfg["allowed"](specs[i]))
    Q = choose_municipality_counts(desired, M, sum(P), mallowed)
    caps = [s["n"] for s in specs]
    x = fill_matrix(rng, P, caps, Q,
                    [Fr(P[i], 13 * caps[i]) for i in range(len(specs))],
                    [Fr(Q[m], M) for m in range(NM)])
    groups = []
    for i, s in enumerate(specs):
        g = Group(s["name"], s["kind"])
        pres = spread_presence(rng, x[i], s["n"])
        g.meetings = [(dates[i][k], forms[i][k], pres[k], 0) for k in range(s["n"])]
        groups.append(g)
    now = [rhu(Fr(100 * P[i], 13 * caps[i])) for i in range(len(specs))]
    for g, e in zip(groups, earlier_values(rng, now, cfg["networks_earlier_mean"],
                                           cfg["earlier_spread"])):
        g.earlier = e
    for o in cfg["others"]:
        g = Group(o["name"], o["kind"])
        if "meetings" in o:
            pres = absences(rng, len(o["meetings"]), o["present"])
            g.meetings = [(d, f, pres[k], 0) for k, (d, f) in enumerate(o["meetings"])]
        else:
            g.entered = o["entered"]
        g.earlier = o.get("earlier")
        groups.append(g)
    return {
        "target": 80,
        "groups": groups,
        "municipality_earlier": dict(cfg["municipality_earlier"]),
        "earlier": cfg["history"],
        "women_share": cfg.get("women_share"),
    }


# ------------------------------------------------------------ the networks

def net(name, kind, n, pct):
    return {"name": name, "kind": kind, "n": n, "pct": pct}


def networks(levels, counts):
    """The 21 networks and steering groups (same names every year)."""
    names = [
        ("Styrgrupp FoUrum social välfärd och hälso- och sjukvård (socialchefer)", "Styrgrupp"),
        ("Chefsnätverk äldreomsorg", "Natverk"),
        ("Chefsnätverk funktionshinder", "Natverk"),
        ("Chefsnätverk IFO barn och unga", "Natverk"),
        ("Chefsnätverk missbruk och beroende", "Natverk"),
        ("Chefsnätverk ekonomiskt bistånd", "Natverk"),
        ("Chefsnätverk socialpsykiatri", "Natverk"),
        ("Chefsnätverk våld i nära relation", "Natverk"),
        ("Myndighetsnätverket", "Natverk"),
        ("Chefsnätverk kommunal hälso- och sjukvård (HSL-chefer)", "Natverk"),
        ("Nätverk MAS/MAR", "Natverk"),
        ("eHälsanätverket", "Natverk"),
        ("Kostchefsnätverket", "Natverk"),
        ("Styrgrupp FoUrum utbildning (förvaltningschefer utbildning)", "Styrgrupp"),
        ("Nätverk elevhälsa", "Natverk"),
        ("Skolchefsnätverket", "Natverk"),
        ("Nätverk gymnasiechefer", "Natverk"),
        ("Nätverk vuxenutbildning", "Natverk"),
        ("Fritidschefsnätverket (FoUrum fritid)", "Natverk"),
        ("Styrgrupp Miljösamverkan Jönköpings län (miljöchefer)", "Styrgrupp"),
        ("Nätverk anhörigstöd", "Natverk"),
    ]
    assert len(names) == len(levels) == len(counts) == 21
    return [net(nm, k, n, p) for (nm, k), n, p in zip(names, counts, levels)]


def rounded_pct(P, n):
    return rhu(Fr(100 * P, 13 * n))


def allowed_range(lo, hi, band, fixed=None):
    """Allowed present counts: rounded percent within lo..hi and within
    `band` points of the desired level; `fixed` pins the rounded percent."""
    def allowed(spec):
        e = 13 * spec["n"]
        out = set()
        for k in range(e + 1):
            r = rounded_pct(k, spec["n"])
            if fixed is not None and spec["name"] in fixed:
                if r == fixed[spec["name"]]:
                    out.add(k)
                continue
            if lo(spec) <= r <= hi(spec) and abs(r - spec["pct"]) <= band:
                out.add(k)
        return out
    return allowed


# --- 2020: Delårsrapport tertial 1-2 2020 (seed 003 3.2-3.4, seed 000)

def forms_2020(rng, specs, dates):
    """Fysiskt until 12 March 2020; then digitalt, kombination from late
    April, and a few fysiskt in June/August. Network totals fixed so that
    all groups together give 41/42/17 %."""
    want_f, want_k = 30, 11
    forms = [["Digitalt"] * len(d) for d in dates]
    post = []
    pre = 0
    for i, ds in enumerate(dates):
        for k, d in enumerate(ds):
            if d <= "2020-03-12":
                forms[i][k] = "Fysiskt"
                pre += 1
            else:
                post.append((i, k, d))
    need(pre <= want_f, f"too many pre-pandemic meetings ({pre})")
    late = [p for p in post if p[2] >= "2020-06-01"]
    rng.shuffle(late)
    late.sort(key=lambda p: p[2] < "2020-08-01")  # August first
    need(len(late) >= want_f - pre, "not enough summer meetings for fysiskt")
    for (i, k, _) in late[:want_f - pre]:
        forms[i][k] = "Fysiskt"
    komb = [p for p in post if p[2] >= "2020-04-20" and forms[p[0]][p[1]] == "Digitalt"]
    rng.shuffle(komb)
    need(len(komb) >= want_k, "not enough meetings for kombination")
    for (i, k, _) in komb[:want_k]:
        forms[i][k] = "Kombination"
    return forms


# Network levels (desired percent) and meetings, in the order of networks().
LEVELS_2020 = [95, 82, 78, 83, 74, 76, 46, 65, 72, 80, 77, 81, 84, 90, 70, 75, 68, 62, 85, 87, 58]
COUNTS_2020 = [3, 5, 4, 3, 4, 3, 3, 2, 4, 5, 4, 3, 2, 4, 3, 3, 3, 3, 3, 3, 3]
HIGH_2020 = {0, 1, 3, 9, 11, 12, 13, 18, 19}  # the nine that reach 80 %

# Helår 2019 per municipality (rounded) doubles as 2020's "last year".
MUNI_2019 = {"Aneby": 58, "Eksjo": 80, "Gislaved": 64, "Gnosjo": 63, "Habo": 76,
             "Jonkoping": 90, "Mullsjo": 57, "Nassjo": 75, "Savsjo": 73, "Tranas": 81,
             "Vaggeryd": 77, "Vetlanda": 78, "Varnamo": 80}
# The six municipalities whose 2020 average is above 2019's.
UP_2020 = {"Aneby", "Gislaved", "Mullsjo", "Nassjo", "Vetlanda", "Varnamo"}
MUNI_2020 = {"Aneby": 66, "Eksjo": 78, "Gislaved": 72, "Gnosjo": 60, "Habo": 74,
             "Jonkoping": 89, "Mullsjo": 69, "Nassjo": 83, "Savsjo": 71, "Tranas": 80,
             "Vaggeryd": 76, "Vetlanda": 84, "Varnamo": 86}


def config_2020():
    specs = networks(LEVELS_2020, COUNTS_2020)
    high = {specs[i]["name"] for i in HIGH_2020}
    cfg = {
        "year": 2020,
        "start": "2020-01-01", "end": "2020-08-31",
        "month_weights": {1: 1.0, 2: 1.2, 3: 1.0, 4: 1.1, 5: 1.2, 6: 0.9, 8: 1.0},
        "networks": specs,
        "assign_forms": forms_2020,
        "municipalities": MUNI_2020,
        # Gnosjö lowest at 60, Jönköping highest at 89, Mullsjö 69; the rest
        # 61-88 and above last year's value exactly for the six in UP_2020.
        "muni_allowed": lambda M: muni_allowed(
            M, MUNI_2020, band=3, fixed={"Jonkoping", "Mullsjo", "Gnosjo"}, lo=61, hi=88,
            earlier=cfg["municipality_earlier"], up=UP_2020),
        "all_networks": 76,
        "allowed": allowed_range(
            lambda s: 80 if s["name"] in high else 47,
            lambda s: 94 if s["name"] in high else 79,
            band=6,
            fixed={specs[0]["name"]: 95, specs[6]["name"]: 46}),
        "networks_earlier_mean": 79,  # tertial 1-2 2019
        "earlier_spread": 7,
        "municipality_earlier": None,  # filled from the 2019 result
        "others": [
            {"name": "PKS", "kind": "Pks", "present": 37, "earlier": 90,
             "meetings": [("2020-02-14", "Fysiskt"), ("2020-05-15", "Kombination"),
                          ("2020-06-12", "Kombination")]},
            {"name": "Kommundirektörer", "kind": "Kommundirektorer", "present": 61, "earlier": 85,
             "meetings": [("2020-01-24", "Fysiskt"), ("2020-02-28", "Fysiskt"),
                          ("2020-04-03", "Digitalt"), ("2020-05-08", "Digitalt"),
                          ("2020-06-05", "Digitalt")]},
            {"name": "Reko – ledningsgruppen för samverkan", "kind": "RegionSamverkan",
             "earlier": 67,
             "entered": {"total": 72, "municipalities": 53, "region": 91, "meetings": 4,
                         "fysiskt": 2, "digitalt": 0, "kombination": 2}},
            {"name": "Strategigrupp barn och unga", "kind": "RegionSamverkan", "earlier": 83,
             "entered": {"total": 74, "municipalities": 58, "region": 81, "meetings": 3,
                         "fysiskt": 1, "digitalt": 2, "kombination": 0}},
            {"name": "Strategigrupp äldre", "kind": "RegionSamverkan", "earlier": 76,
             "entered": {"total": 72, "municipalities": 66, "region": 78, "meetings": 5,
                         "fysiskt": 1, "digitalt": 4, "kombination": 0}},
            {"name": "Strategigrupp psykiatri/missbruk", "kind": "RegionSamverkan", "earlier": 67,
             "entered": {"total": 66, "municipalities": 58, "region": 70, "meetings": 3,
                         "fysiskt": 1, "digitalt": 1, "kombination": 1}},
        ],
        "history": [
            {"period": "Tertial 1-2 2018", "all_networks": 70, "pks": 85,
             "region_groups": (64, 83)},
            {"period": "Tertial 1-2 2019", "all_networks": 79, "pks": 90, "directors": 85,
             "region_groups": (67, 83)},
        ],
        "women_share": 49,
    }
    return cfg


def verify_2020(att, f):
    need(f["networks"] == 21, "2020: 21 networks")
    need(f["network_meetings"] == 70, "2020: 70 meetings")
    need(3 < Fr(f["network_meetings"], f["networks"]) < Fr(7, 2), "2020: drygt 3 meetings each")
    need(f["network_range"] == (46, 95), f"2020: span {f['network_range']} != 46-95")
    need(f["reaching"] == 9, f"2020: {f['reaching']} reach 80 %, not 9")
    need(safe_round(f["all_networks"], "") == 76, "2020: samtliga nätverk 76 %")
    need(f["form_shares"] == [41, 42, 17], f"2020: forms {f['form_shares']}")
    need(safe_round(f["pks"], "") == 95, "2020: PKS 95 %")
    pks = att["groups"][21]
    need(pks.kind == "Pks" and len(pks.meetings) == 3
         and sorted(m[1] for m in pks.meetings) == ["Fysiskt", "Kombination", "Kombination"],
         "2020: PKS 3 meetings, one fysiskt two kombination")
    need(safe_round(f["directors"], "") == 94, "2020: kommundirektörer 94 %")
    kd = att["groups"][22]
    need(kd.kind == "Kommundirektorer" and len(kd.meetings) == 5
         and [m[1] for m in kd.meetings].count("Digitalt") == 3
         and [m[1] for m in kd.meetings].count("Fysiskt") == 2,
         "2020: kommundirektörer 5 meetings, three digitalt two fysiskt")
    need(f["region_range"] == (66, 74), "2020: regional groups 66-74 %")
    mr = {m: safe_round(v, m) for m, v in f["municipalities"].items()}
    need(f["municipality_range"] == (60, 89), f"2020: municipalities {f['municipality_range']}")
    need(mr["Jonkoping"] == 89 and all(v < 89 for m, v in mr.items() if m != "Jonkoping"),
         "2020: Jönköping highest at 89 %")
    need(mr["Mullsjo"] == 69 and att["municipality_earlier"]["Mullsjo"] == 57,
         "2020: Mullsjö from 57 % to 69 %")
    need(f["municipalities_up"] == 6, f"2020: {f['municipalities_up']} municipalities up, not 6")
    # Forms shift to digitalt from mid-March 2020.
    for g in att["groups"][:21]:
        for (d, form, _p, _r) in g.meetings:
            if d <= "2020-03-12":
                need(form == "Fysiskt", f"2020: {g.name} {d} before the pandemic not fysiskt")
            elif d < "2020-06-01":
                need(form != "Fysiskt", f"2020: {g.name} {d} fysiskt in spring 2020")


# --- 2019: Resultatuppföljning helår 2019 (seed 001)

def forms_2019(rng, specs, dates):
    """Mostly fysiskt; a few networks already met digitally (resfria möten)."""
    digital_minded = {"eHälsanätverket", "Nätverk MAS/MAR", "Myndighetsnätverket"}
    out = []
    for s, ds in zip(specs, dates):
        p = 0.35 if s["name"] in digital_minded else 0.0
        out.append(["Digitalt" if rng.random() < p else "Fysiskt" for _ in ds])
    return out


LEVELS_2019 = [93, 78, 72, 75, 70, 74, 62, 60, 71, 76, 73, 77, 80, 88, 66, 72, 65, 58, 82, 85, 56]
COUNTS_2019 = [5, 6, 5, 5, 6, 5, 6, 4, 6, 5, 5, 5, 4, 5, 6, 5, 5, 4, 5, 6, 4]
# 2018 per municipality (illustrative; mean about 72 as "samtliga nätverk" 2018).
MUNI_2018 = {"Aneby": 61, "Eksjo": 77, "Gislaved": 66, "Gnosjo": 60, "Habo": 74,
             "Jonkoping": 91, "Mullsjo": 55, "Nassjo": 72, "Savsjo": 70, "Tranas": 78,
             "Vaggeryd": 74, "Vetlanda": 76, "Varnamo": 79}


def config_2019():
    specs = networks(LEVELS_2019, COUNTS_2019)
    return {
        "year": 2019,
        "start": "2019-01-01", "end": "2019-12-31",
        "month_weights": {1: 0.8, 2: 1.1, 3: 1.1, 4: 1.0, 5: 1.1, 6: 0.8, 8: 0.8,
                          9: 1.1, 10: 1.1, 11: 1.1, 12: 0.6},
        "networks": specs,
        "assign_forms": forms_2019,
        "municipalities": MUNI_2019,
        # Mullsjö 57 % (the 2020 report), Jönköping highest ("fortsatt").
        "muni_allowed": lambda M: muni_allowed(
            M, MUNI_2019, band=2, fixed={"Mullsjo", "Jonkoping"}, hi=MUNI_2019["Jonkoping"] - 1),
        "all_networks": 73,
        "allowed": allowed_range(lambda s: 35, lambda s: 100, band=6),
        "networks_earlier_mean": 72,  # 2018
        "earlier_spread": 6,
        "municipality_earlier": MUNI_2018,
        "others": [
            {"name": "PKS", "kind": "Pks", "present": 71,
             "earlier": 88,
             "meetings": [("2019-02-15", "Fysiskt"), ("2019-04-05", "Fysiskt"),
                          ("2019-05-17", "Fysiskt"), ("2019-06-10", "Fysiskt"),
                          ("2019-09-27", "Fysiskt"), ("2019-11-29", "Fysiskt")]},
        ],
        "history": [
            {"period": "2017", "all_networks": 73, "pks": 96},
            {"period": "2018", "all_networks": 72, "pks": 88},
        ],
    }


def verify_2019(att, f):
    need(f["networks"] == 21, "2019: 21 networks")
    need(safe_round(f["all_networks"], "") == 73, "2019: samtliga nätverk 73 %")
    need(safe_round(f["pks"], "") == 91, "2019: PKS 91 %")
    need(len(att["groups"][21].meetings) == 6, "2019: PKS 6 meetings")
    mr = {m: safe_round(v, m) for m, v in f["municipalities"].items()}
    need(mr["Mullsjo"] == 57, "2019: Mullsjö 57 % (2020 report)")
    need(max(mr, key=mr.get) == "Jonkoping", "2019: Jönköping highest (2020 says 'fortsatt')")


# --- 2022: Resultatuppföljning tertial 1-2 2022 (seed 002)

def forms_2022(rng, specs, dates):
    """Digitalt until the restrictions ended on 9 February 2022, then a mix."""
    out = []
    for ds in dates:
        row = []
        for d in ds:
            if d <= "2022-02-09":
                row.append("Digitalt")
            else:
                r = rng.random()
                row.append("Fysiskt" if r < 0.6 else "Kombination" if r < 0.8 else "Digitalt")
        out.append(row)
    return out


LEVELS_2022 = [94, 86, 82, 84, 81, 83, 46, 68, 82, 85, 81, 83, 88, 91, 82, 84, 58, 50, 87, 90, 81]
COUNTS_2022 = [4, 4, 3, 4, 3, 3, 3, 3, 4, 4, 3, 4, 3, 4, 3, 3, 3, 3, 3, 4, 3]
LOW_2022 = {6, 7, 16, 17}
MUNI_2022 = {"Aneby": 73, "Eksjo": 85, "Gislaved": 78, "Gnosjo": 71, "Habo": 81,
             "Jonkoping": 91, "Mullsjo": 75, "Nassjo": 83, "Savsjo": 76, "Tranas": 82,
             "Vaggeryd": 80, "Vetlanda": 81, "Varnamo": 86}
# 2021 per municipality (illustrative; "samtliga nätverk" was 89 % in tertial 1-2 2021).
MUNI_2021 = {"Aneby": 84, "Eksjo": 92, "Gislaved": 86, "Gnosjo": 81, "Habo": 88,
             "Jonkoping": 97, "Mullsjo": 73, "Nassjo": 90, "Savsjo": 87, "Tranas": 91,
             "Vaggeryd": 89, "Vetlanda": 88, "Varnamo": 93}


def config_2022():
    specs = networks(LEVELS_2022, COUNTS_2022)
    low = {specs[i]["name"] for i in LOW_2022}
    return {
        "year": 2022,
        "start": "2022-01-01", "end": "2022-08-31",
        "month_weights": {1: 1.0, 2: 1.1, 3: 1.2, 4: 1.0, 5: 1.2, 6: 0.9, 8: 1.0},
        "networks": specs,
        "assign_forms": forms_2022,
        "municipalities": MUNI_2022,
        "muni_allowed": lambda M: muni_allowed(M, MUNI_2022, band=3),
        "all_networks": 79,
        "allowed": allowed_range(
            lambda s: 40 if s["name"] in low else 80,
            lambda s: 79 if s["name"] in low else 100,
            band=6),
        "networks_earlier_mean": 89,  # tertial 1-2 2021
        "earlier_spread": 4,
        "municipality_earlier": MUNI_2021,
        "others": [
            {"name": "PKS", "kind": "Pks", "present": 47, "earlier": 95,
             "meetings": [("2022-02-04", "Digitalt"), ("2022-04-01", "Kombination"),
                          ("2022-05-20", "Fysiskt"), ("2022-06-17", "Fysiskt")]},
            {"name": "Kommundirektörer", "kind": "Kommundirektorer", "present": 67, "earlier": 100,
             "meetings": [("2022-01-21", "Digitalt"), ("2022-03-11", "Fysiskt"),
                          ("2022-04-22", "Kombination"), ("2022-05-13", "Fysiskt"),
                          ("2022-06-10", "Fysiskt"), ("2022-08-26", "Fysiskt")]},
        ],
        "history": [
            {"period": "Tertial 1-2 2019", "all_networks": 79, "pks": 90, "directors": 85},
            {"period": "Tertial 1-2 2020", "all_networks": 76, "pks": 95, "directors": 91},
            {"period": "Tertial 1-2 2021", "all_networks": 89, "pks": 95, "directors": 100},
        ],
    }


def verify_2022(att, f):
    need(f["networks"] == 21, "2022: 21 networks")
    need(safe_round(f["all_networks"], "") == 79, "2022: samtliga nätverk 79 %")
    need(16 <= f["reaching"] <= 18, f"2022: {f['reaching']} of 21 reach 80 % (nästan samtliga)")
    need(safe_round(f["pks"], "") == 90, "2022: PKS 90 %")
    need(safe_round(f["directors"], "") == 86, "2022: kommundirektörer 86 %")


# ------------------------------------------------------------------ output

def ron_group(g, ind):
    p = " " * ind
    out = [f"{p}(", f'{p}  name: "{g.name}",', f"{p}  kind: {g.kind},"]
    if g.meetings:
        out.append(f"{p}  meetings: [")
        for (d, form, present, _r) in g.meetings:
            pres = ", ".join(m for m in MUNIS if m in present)
            out.append(f'{p}    (date: "{d}", form: {form}, present: [{pres}]),')
        out.append(f"{p}  ],")
    if g.entered:
        e = g.entered
        parts = [f'total: "{e["total"]}"', f'municipalities: "{e["municipalities"]}"',
                 f'region: "{e["region"]}"', f'meetings: {e["meetings"]}']
        for k in ("fysiskt", "digitalt", "kombination"):
            if e.get(k):
                parts.append(f"{k}: {e[k]}")
        out.append(f"{p}  entered: ({', '.join(parts)}),")
    if g.earlier is not None:
        out.append(f'{p}  earlier: "{g.earlier}",')
    out.append(f"{p}),")
    return out


def ron(att, cfg, f):
    year = cfg["year"]
    lines = [
        "    // The single attendance values below (meetings, dates, meeting forms, who was",
        "    // present, last year's value per network and per municipality) are ILLUSTRATIVE:",
        "    // generated by sample-data/tools/illustrative_attendance.py to agree with the",
        "    // facts the report states. Only those facts are the report's own:",
    ]
    lines += [f"    //   {t}" for t in cfg["facts"]]
    lines += ["    attendance: (", '      target: "80",', "      groups: ["]
    for g in att["groups"]:
        lines += ron_group(g, 8)
    lines.append("      ],")
    me = att["municipality_earlier"]
    if me:
        body = ", ".join(f'{m}: "{me[m]}"' for m in MUNIS if m in me)
        lines.append(f"      municipality_earlier: {{ {body} }},")
    lines.append("      earlier: [")
    for h in att["earlier"]:
        parts = [f'period: "{h["period"]}"']
        for k in ("all_networks", "pks", "directors"):
            if h.get(k) is not None:
                parts.append(f'{k}: "{h[k]}"')
        if h.get("region_groups"):
            low, high = h["region_groups"]
            parts.append(f'region_groups_low: "{low}", region_groups_high: "{high}"')
        lines.append(f"        ({', '.join(parts)}),")
    lines.append("      ],")
    if att.get("women_share") is not None:
        lines.append("      // Reported for PKS: 51 % män och 49 % kvinnor among the municipal representatives present.")
        lines.append(f'      women_share: "{att["women_share"]}",')
    lines.append("    ),")
    return "\n".join(lines) + "\n"


def pct_str(v):
    return f"{safe_round(v, '')} %"


def summary(f):
    lo, hi = f["network_range"]
    mlo, mhi = f["municipality_range"]
    return (f"{f['networks']} networks, {f['network_meetings']} meetings, "
            f"{f['reaching']} of {f['networks']} reach 80 %, span {lo}-{hi} %, "
            f"samtliga nätverk {pct_str(f['all_networks'])}, "
            f"municipalities {mlo}-{mhi} %, {f['municipalities_up']} up, "
            f"forms {f['form_shares']}")


def generate():
    rng = random.Random(SEED)
    results = {}
    cfg19 = config_2019()
    att19 = build_year(cfg19, rng)
    f19 = attendance_figures(att19)
    check_problems(att19, cfg19["start"], cfg19["end"])
    verify_2019(att19, f19)
    cfg19["facts"] = [
        "21 nätverk/styrgrupper; resultat för samtliga nätverk 2019: 73 % (2017: 73 %, 2018: 72 %)",
        "PKS 2019: 6 sammanträden, 91 % (2017: 96 %, 2018: 88 %)",
    ]
    results[2019] = (att19, cfg19, f19)

    cfg20 = config_2020()
    cfg20["municipality_earlier"] = {m: safe_round(v, m) for m, v in f19["municipalities"].items()}
    att20 = build_year(cfg20, rng)
    f20 = attendance_figures(att20)
    check_problems(att20, cfg20["start"], cfg20["end"])
    verify_2020(att20, f20)
    cfg20["facts"] = [
        "21 nätverk/styrgrupper, 70 träffar (drygt 3 var), närvaro 46-95 %, 9 av 21 når 80 %, samtliga nätverk 76 %",
        "PKS 95 % (3 sammanträden: ett fysiskt, två kombination); kommundirektörer 94 % (5 träffar: tre digitalt, två fysiskt)",
        "Reko 72 % (kommuner 53 %, regionen 91 %; 4 träffar: två fysiskt, två kombination), strategigrupp barn och unga 74 %,",
        "strategigrupp äldre 72 %, strategigrupp psykiatri/missbruk 66 %, with their kommun/region averages and last year's values",
        "(the regional groups' meeting counts and forms other than Reko's are illustrative)",
        "mötesform 41 % fysiskt, 42 % digitalt, 17 % kombination",
        "kommunerna 60-89 %, Jönköping högst, Mullsjö från 57 % till 69 %, sex kommuner har ökat",
        "municipality_earlier = the per-municipality result of the helår 2019 sample (illustrative too)",
    ]
    results[2020] = (att20, cfg20, f20)

    cfg22 = config_2022()
    att22 = build_year(cfg22, rng)
    f22 = attendance_figures(att22)
    check_problems(att22, cfg22["start"], cfg22["end"])
    verify_2022(att22, f22)
    cfg22["facts"] = [
        "21 nätverk/styrgrupper; samtliga nätverk 79 %, målvärdet 80 % uppnås för nästan samtliga nätverk",
        "PKS 90 %, kommundirektörer 86 %; earlier rows tertial 1-2 2019-2021 as printed",
    ]
    results[2022] = (att22, cfg22, f22)
    return results


def main(argv):
    try:
        results = generate()
    except FactError as e:
        sys.stderr.write(f"illustrative_attendance.py: FACT NOT MET: {e}\n")
        return 1
    for y, (_a, _c, f) in results.items():
        sys.stderr.write(f"{y}: {summary(f)}\n")
    here = os.path.dirname(os.path.abspath(__file__))
    if "--write" in argv:
        for y, (a, c, f) in results.items():
            path = os.path.join(here, f"attendance-{y}.ron.part")
            with open(path, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(ron(a, c, f))
            sys.stderr.write(f"wrote {path}\n")
        return 0
    years = [int(a) for a in argv if a.isdigit()] or sorted(results)
    for y in years:
        if y not in results:
            sys.stderr.write(f"no sample for {y}\n")
            return 2
        a, c, f = results[y]
        if len(years) > 1:
            sys.stdout.write(f"// ===== {y}\n")
        sys.stdout.write(ron(a, c, f))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
