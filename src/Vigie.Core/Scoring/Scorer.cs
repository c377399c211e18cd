using System.Globalization;
using Vigie.Model;

namespace Vigie.Scoring;

/// <summary>
/// Scores extraction output against gold annotations by the rules of the output format
/// (../shared/spec/event-format.md, "Scoring"). Documents are paired by id; figures are summed
/// over documents. Matching is greedy and one-to-one over candidate pairs sorted best first
/// (see <see cref="MatchEvents"/> and <see cref="MatchFigures"/>), so results are deterministic.
/// </summary>
public sealed class Scorer(NameComparer? names = null)
{
    public const double MaxDistanceKm = 25.0;
    public const int DateToleranceDays = 1;

    private readonly NameComparer _names = names ?? NameComparer.Default;

    public EvaluationResult Score(IReadOnlyList<DocumentRecord> gold, IReadOnlyList<DocumentRecord> system)
    {
        var result = new EvaluationResult();
        var byId = new Dictionary<string, DocumentRecord>(StringComparer.Ordinal);
        foreach (var s in system)
            if (!byId.TryAdd(s.Id, s)) result.Warnings.Add($"system document '{s.Id}' appears more than once; the first one is scored");
        var goldIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var g in gold)
        {
            if (!goldIds.Add(g.Id)) { result.Warnings.Add($"gold document '{g.Id}' appears more than once; the first one is scored"); continue; }
            byId.TryGetValue(g.Id, out var found);
            if (found == null) result.Warnings.Add($"the system output has no document '{g.Id}': everything in it counts as missed");
            var doc = ScoreDocument(g, found);
            result.Documents.Add(doc);
            result.Overall.Add(doc.Scores);
            var lang = g.Lang ?? "?";
            if (!result.ByLanguage.TryGetValue(lang, out var l)) result.ByLanguage[lang] = l = new Scores();
            l.Add(doc.Scores);
        }
        var extra = byId.Keys.Count(k => !goldIds.Contains(k));
        if (extra > 0) result.Warnings.Add($"{extra} system document(s) have no gold line and are not scored");
        return result;
    }

    public DocumentScore ScoreDocument(DocumentRecord gold, DocumentRecord? found)
    {
        var score = new DocumentScore { Id = gold.Id, Lang = gold.Lang };
        var s = score.Scores;
        s.Documents = 1;
        ScoreEvents(gold, found, score);
        ScoreFigures(gold, found, score);
        ScoreDate(gold, found, score);
        return score;
    }

    // ---- events -------------------------------------------------------------------------

    /// <summary>True when a found event may be paired with a gold one: same type, dates overlapping within one day, locations within 25 km or of the same normalised name.</summary>
    public bool EventsMatch(Event found, Event gold) =>
        found.Type == gold.Type
        && found.Date != null && gold.Date != null && found.Date.Overlaps(gold.Date, DateToleranceDays)
        && LocationsMatch(found.Location, gold.Location);

    public bool LocationsMatch(Location? a, Location? b)
    {
        if (a == null || b == null) return a == null && b == null;
        if (DistanceKm(a, b) is { } km) return km <= MaxDistanceKm;
        return _names.SamePlace(a.Name, b.Name);
    }

    /// <summary>Great-circle distance in km, or null when either location lacks coordinates.</summary>
    public static double? DistanceKm(Location a, Location b) => Vigie.Geo.GreatCircle.Km(a, b);

    /// <summary>
    /// Greedy one-to-one matching. Candidate pairs are taken best first: a non-optional gold event
    /// before an optional one, then same subtype, then the smaller gap between the date ranges'
    /// middles, then the shorter distance (0 for a match by name), then gold order, then found order.
    /// Returns (found index, gold index) pairs.
    /// </summary>
    public List<(int Found, int Gold)> MatchEvents(IReadOnlyList<Event> found, IReadOnlyList<Event> gold)
    {
        var candidates = new List<(int F, int G, int Opt, int Sub, double Gap, double Km)>();
        for (var g = 0; g < gold.Count; g++)
            for (var f = 0; f < found.Count; f++)
            {
                if (!EventsMatch(found[f], gold[g])) continue;
                var km = found[f].Location is { } fl && gold[g].Location is { } gl ? DistanceKm(fl, gl) ?? 0 : 0;
                candidates.Add((f, g, gold[g].Optional ? 1 : 0, found[f].Subtype == gold[g].Subtype ? 0 : 1, MiddleGap(found[f].Date!, gold[g].Date!), km));
            }
        candidates.Sort((x, y) =>
        {
            var c = x.Opt.CompareTo(y.Opt);
            if (c == 0) c = x.Sub.CompareTo(y.Sub);
            if (c == 0) c = x.Gap.CompareTo(y.Gap);
            if (c == 0) c = x.Km.CompareTo(y.Km);
            if (c == 0) c = x.G.CompareTo(y.G);
            if (c == 0) c = x.F.CompareTo(y.F);
            return c;
        });
        return Greedy(candidates.Select(c => (c.F, c.G)), found.Count, gold.Count);
    }

    private static double MiddleGap(DateRange a, DateRange b)
    {
        static double Middle(DateRange r) => (r.Start.First.DayNumber + (double)r.End.Last.DayNumber) / 2;
        return Math.Abs(Middle(a) - Middle(b));
    }

    private static List<(int Found, int Gold)> Greedy(IEnumerable<(int F, int G)> ordered, int foundCount, int goldCount)
    {
        var usedF = new bool[foundCount];
        var usedG = new bool[goldCount];
        var pairs = new List<(int, int)>();
        foreach (var (f, g) in ordered)
        {
            if (usedF[f] || usedG[g]) continue;
            usedF[f] = usedG[g] = true;
            pairs.Add((f, g));
        }
        return pairs;
    }

    private void ScoreEvents(DocumentRecord gold, DocumentRecord? foundDoc, DocumentScore score)
    {
        var s = score.Scores;
        var g = gold.Events ?? [];
        var f = foundDoc?.Events ?? [];
        var pairs = MatchEvents(f, g);
        var matchedF = new HashSet<int>(pairs.Select(p => p.Found));
        var matchedG = new HashSet<int>(pairs.Select(p => p.Gold));
        foreach (var (fi, gi) in pairs)
        {
            var fe = f[fi];
            var ge = g[gi];
            if (ge.Optional) s.OptionalMatched++; else s.Events.Tp++;

            var subOk = fe.Subtype == ge.Subtype;
            s.Subtype.Count(subOk);
            if (!ge.Optional)
            {
                if (subOk) s.SubtypeTally(Snake(ge.Subtype)).Tp++;
                else { s.SubtypeTally(Snake(ge.Subtype)).Fn++; s.SubtypeTally(Snake(fe.Subtype)).Fp++; }
            }
            if (!subOk) score.Findings.Add(new(FindingKind.SubtypeDiffers, $"{Describe(ge)}: found subtype {Snake(fe.Subtype)}", EvidenceText(foundDoc!.Text, fe.Evidence)));

            var a1 = fe.Actor1?.Kind == ge.Actor1?.Kind;
            var a2 = fe.Actor2?.Kind == ge.Actor2?.Kind;
            s.ActorKind.Count(a1);
            s.ActorKind.Count(a2);
            if (!a1 || !a2)
                score.Findings.Add(new(FindingKind.ActorKindDiffers,
                    $"{Describe(ge)}: found actors {Snake(fe.Actor1?.Kind)} → {Snake(fe.Actor2?.Kind)}, gold {Snake(ge.Actor1?.Kind)} → {Snake(ge.Actor2?.Kind)}",
                    EvidenceText(foundDoc!.Text, fe.Evidence)));

            if (ge.Location is { Lat: not null, Lon: not null } gl)
            {
                var km = fe.Location is { } fl ? DistanceKm(fl, gl) : null;
                var near = km is <= MaxDistanceKm;
                s.LocationWithin25Km.Count(near);
                if (!near)
                    score.Findings.Add(new(FindingKind.LocationNotWithin25Km,
                        $"{Describe(ge)}: found location {fe.Location?.Name ?? "none"} {(km is { } d ? d.ToString("0.#", CultureInfo.InvariantCulture) + " km away" : "without coordinates")}",
                        EvidenceText(foundDoc!.Text, fe.Location?.Evidence ?? fe.Evidence)));
            }

            var fatOk = fe.Fatalities == ge.Fatalities;
            s.Fatalities.Count(fatOk);
            if (!fatOk)
                score.Findings.Add(new(FindingKind.FatalitiesDiffer, $"{Describe(ge)}: found fatalities {Num(fe.Fatalities)}, gold {Num(ge.Fatalities)}",
                    EvidenceText(foundDoc!.Text, fe.FieldEvidence?.GetValueOrDefault("fatalities") ?? fe.Evidence)));
        }
        for (var i = 0; i < f.Count; i++)
            if (!matchedF.Contains(i))
            {
                s.Events.Fp++;
                s.SubtypeTally(Snake(f[i].Subtype)).Fp++;
                score.Findings.Add(new(FindingKind.FalseEvent, Describe(f[i]), EvidenceText(foundDoc!.Text, f[i].Evidence)));
            }
        for (var i = 0; i < g.Count; i++)
            if (!matchedG.Contains(i) && !g[i].Optional)
            {
                s.Events.Fn++;
                s.SubtypeTally(Snake(g[i].Subtype)).Fn++;
                score.Findings.Add(new(FindingKind.MissedEvent, Describe(g[i]), EvidenceText(gold.Text, g[i].Evidence)));
            }
    }

    // ---- casualty figures -------------------------------------------------------------

    /// <summary>A figure with the source of the report it belongs to.</summary>
    public sealed record SourcedFigure(Figure Figure, string? Source, CasualtyReport Report);

    public static List<SourcedFigure> Pool(DocumentRecord? doc) =>
        (doc?.CasualtyReports ?? []).SelectMany(r => r.Figures.Select(f => new SourcedFigure(f, r.Source, r))).ToList();

    public static bool FiguresMatch(Figure found, Figure gold) =>
        found.Outcome == gold.Outcome && found.Group == gold.Group && found.Count == gold.Count;

    public static bool BoundRight(Figure found, Figure gold) =>
        found.Bound == gold.Bound && (gold.Bound != Bound.Range || (found.Low == gold.Low && found.High == gold.High));

    /// <summary>
    /// Greedy one-to-one matching of pooled figures: pairs with the source right first, then the
    /// bound right, then gold order, then found order. Returns (found index, gold index) pairs.
    /// </summary>
    public List<(int Found, int Gold)> MatchFigures(IReadOnlyList<SourcedFigure> found, IReadOnlyList<SourcedFigure> gold)
    {
        var candidates = new List<(int F, int G, int Src, int Bnd)>();
        for (var g = 0; g < gold.Count; g++)
            for (var f = 0; f < found.Count; f++)
                if (FiguresMatch(found[f].Figure, gold[g].Figure))
                    candidates.Add((f, g, _names.SameSource(found[f].Source, gold[g].Source) ? 0 : 1, BoundRight(found[f].Figure, gold[g].Figure) ? 0 : 1));
        candidates.Sort((x, y) =>
        {
            var c = x.Src.CompareTo(y.Src);
            if (c == 0) c = x.Bnd.CompareTo(y.Bnd);
            if (c == 0) c = x.G.CompareTo(y.G);
            if (c == 0) c = x.F.CompareTo(y.F);
            return c;
        });
        return Greedy(candidates.Select(c => (c.F, c.G)), found.Count, gold.Count);
    }

    private void ScoreFigures(DocumentRecord gold, DocumentRecord? foundDoc, DocumentScore score)
    {
        var s = score.Scores;
        var g = Pool(gold);
        var f = Pool(foundDoc);
        var pairs = MatchFigures(f, g);
        s.Figures.Tp += pairs.Count;
        foreach (var (fi, gi) in pairs)
        {
            var srcOk = _names.SameSource(f[fi].Source, g[gi].Source);
            s.FigureSource.Count(srcOk);
            if (!srcOk)
                score.Findings.Add(new(FindingKind.SourceDiffers, $"{Describe(g[gi])}: found source {f[fi].Source ?? "null"}", EvidenceText(foundDoc!.Text, FigureEvidence(f[fi]))));
            var bndOk = BoundRight(f[fi].Figure, g[gi].Figure);
            s.FigureBound.Count(bndOk);
            if (!bndOk)
                score.Findings.Add(new(FindingKind.BoundDiffers, $"{Describe(g[gi])}: found bound {Snake(f[fi].Figure.Bound)}", EvidenceText(foundDoc!.Text, FigureEvidence(f[fi]))));
        }
        var matchedF = new HashSet<int>(pairs.Select(p => p.Found));
        var matchedG = new HashSet<int>(pairs.Select(p => p.Gold));
        for (var i = 0; i < f.Count; i++)
            if (!matchedF.Contains(i))
            {
                s.Figures.Fp++;
                score.Findings.Add(new(FindingKind.FalseFigure, Describe(f[i]), EvidenceText(foundDoc!.Text, FigureEvidence(f[i]))));
            }
        for (var i = 0; i < g.Count; i++)
            if (!matchedG.Contains(i))
            {
                s.Figures.Fn++;
                score.Findings.Add(new(FindingKind.MissedFigure, Describe(g[i]), EvidenceText(gold.Text, FigureEvidence(g[i]))));
            }
    }

    private static IReadOnlyList<TextSpan> FigureEvidence(SourcedFigure f) =>
        f.Figure.Evidence is { Count: > 0 } e ? e : f.Report.Evidence;

    // ---- resolved publication date ----------------------------------------------------

    private static void ScoreDate(DocumentRecord gold, DocumentRecord? found, DocumentScore score)
    {
        var s = score.Scores;
        var f = found?.DateResolved;
        if (gold.DateResolved is { } g)
        {
            var ok = f != null && f.Date == g.Date;
            s.DateResolved.Count(ok);
            if (!ok)
                score.Findings.Add(new(FindingKind.DateResolvedMissed, $"publication date {g.Date}: found {(f == null ? "none" : f.Date.ToString())}",
                    f is { Evidence.Count: > 0 } ? EvidenceText(found!.Text, f.Evidence) : EvidenceText(gold.Text, g.Evidence)));
        }
        else if (f != null && f.Date.ToString() != gold.Date)
        {
            s.FalseDateResolved++;
            score.Findings.Add(new(FindingKind.DateResolvedFalse, $"publication date resolved to {f.Date} where gold keeps {gold.Date ?? "none"}", EvidenceText(found!.Text, f.Evidence)));
        }
    }

    // ---- descriptions -----------------------------------------------------------------

    public static string Describe(Event e)
    {
        var loc = e.Location == null ? "no place"
            : e.Location.Lat is { } lat && e.Location.Lon is { } lon
                ? string.Create(CultureInfo.InvariantCulture, $"{e.Location.Name} ({lat:0.###}, {lon:0.###})")
                : e.Location.Name;
        var date = e.Date == null ? "no date" : e.Date.Start == e.Date.End ? e.Date.Start.ToString() : $"{e.Date.Start}..{e.Date.End}";
        return $"{Snake(e.Type)}/{Snake(e.Subtype)} {date} {loc}{(e.Optional ? " (optional)" : "")}";
    }

    public static string Describe(SourcedFigure f)
    {
        var x = f.Figure;
        var named = x.NamedGroup is null ? "" : $" ({x.NamedGroup})";
        var count = x.Bound == Bound.Range ? $"{x.Low}-{x.High}" : x.Count.ToString(CultureInfo.InvariantCulture);
        return $"{Snake(x.Outcome)} {Snake(x.Group)}{named} {count} {Snake(x.Bound)}, source {f.Source ?? "null"}";
    }

    private static string Num(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "null";

    /// <summary>snake_case of an enum value, as in the JSON format.</summary>
    public static string Snake<T>(T? value) where T : struct, Enum =>
        value is { } v ? System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()) : "none";

    public static string Snake<T>(T value) where T : struct, Enum =>
        System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    /// <summary>The sentence(s) around the first evidence span, at most about 400 characters, on one line.</summary>
    public static string? EvidenceText(string text, IReadOnlyList<TextSpan>? spans)
    {
        if (spans is not { Count: > 0 } || string.IsNullOrEmpty(text)) return null;
        var span = spans[0];
        if (!span.IsValidFor(text)) return null;
        var start = span.Start;
        while (start > 0 && start > span.Start - 300 && !IsSentenceEnd(text, start - 1)) start--;
        var end = span.End;
        while (end < text.Length && end < span.End + 300 && !IsSentenceEnd(text, end - 1)) end++;
        var s = text[start..end].Trim();
        s = string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return s.Length > 400 ? s[..399] + "…" : s;
    }

    private static bool IsSentenceEnd(string text, int i) =>
        i >= 0 && (text[i] == '\n' || (text[i] is '.' or '!' or '?' && (i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1]))));
}
