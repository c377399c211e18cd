using System.Globalization;
using System.Text;
using Vigie.Lexicons;
using Vigie.Model;
using Vigie.Text;

namespace Vigie.Scoring;

/// <summary>One row of a subtype corpus (tests/corpus/&lt;lang&gt;/subtypes.tsv): the split, the expected subtype ("-": no event), the expected place ("-": none).</summary>
public sealed record SubtypeRow(int Line, string Split, string Expected, string Place, string Text);

/// <summary>What the pipeline made of one row: the subtype of the first event told as news ("-" when none), its place name, how many such events.</summary>
public sealed record SubtypeOutcome(SubtypeRow Row, string Got, string? GotPlace, int Events)
{
    public bool Right => Got == Row.Expected;
    /// <summary>The place is right when the event's place (name or first-level division) and the expected one contain each other, folded.</summary>
    public bool PlaceRight => Row.Place == "-" || (GotPlace != null && SubtypeCorpus.SamePlace(GotPlace, Row.Place));
}

/// <summary>Precision, recall and F1 of one subtype over a set of rows (the prediction is the first event's subtype).</summary>
public sealed record SubtypeScore(string Subtype, int Support, int Predicted, int Right)
{
    public double Precision => Predicted == 0 ? 0 : (double)Right / Predicted;
    public double Recall => Support == 0 ? 0 : (double)Right / Support;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>The figures of a set of rows: accuracy and no-event rate over the rows that expect an event, false-event rate over those that do not, per-subtype scores, confusions.</summary>
public sealed class SubtypeReport
{
    public required string Name { get; init; }
    public required IReadOnlyList<SubtypeOutcome> Outcomes { get; init; }

    public IEnumerable<SubtypeOutcome> Positives => Outcomes.Where(o => o.Row.Expected != "-");
    public IEnumerable<SubtypeOutcome> Negatives => Outcomes.Where(o => o.Row.Expected == "-");
    public int PositiveCount => Positives.Count();
    public int NegativeCount => Negatives.Count();
    public int RightCount => Positives.Count(o => o.Right);
    public double Accuracy => Ratio(RightCount, PositiveCount);
    public double NoEventRate => Ratio(Positives.Count(o => o.Got == "-"), PositiveCount);
    public double FalseEventRate => Ratio(Negatives.Count(o => o.Got != "-"), NegativeCount);
    /// <summary>Share of the rows that expect an event with a place whose first event has that place.</summary>
    public double PlaceRate => Ratio(Positives.Count(o => o.Row.Place != "-" && o.Got != "-" && o.PlaceRight), Positives.Count(o => o.Row.Place != "-"));

    public IReadOnlyList<SubtypeScore> Scores =>
        Outcomes.SelectMany(o => new[] { o.Row.Expected, o.Got }).Where(s => s != "-").Distinct().Order(StringComparer.Ordinal)
            .Select(s => new SubtypeScore(s, Outcomes.Count(o => o.Row.Expected == s), Outcomes.Count(o => o.Got == s), Outcomes.Count(o => o.Got == s && o.Row.Expected == s)))
            .ToList();

    /// <summary>F1 per subtype weighted by the subtype's number of expected rows.</summary>
    public double WeightedF1
    {
        get
        {
            var scores = Scores.Where(s => s.Support > 0).ToList();
            var total = scores.Sum(s => s.Support);
            return total == 0 ? 0 : scores.Sum(s => s.F1 * s.Support) / total;
        }
    }

    /// <summary>(expected, got) pairs that differ, most frequent first.</summary>
    public IReadOnlyList<(string Expected, string Got, int Count)> Confusions =>
        Outcomes.Where(o => !o.Right).GroupBy(o => (o.Row.Expected, o.Got)).Select(g => (g.Key.Expected, g.Key.Got, g.Count()))
            .OrderByDescending(c => c.Item3).ThenBy(c => c.Expected, StringComparer.Ordinal).ThenBy(c => c.Got, StringComparer.Ordinal).ToList();

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;

    public string ToText(bool explain)
    {
        var sb = new StringBuilder();
        var ci = CultureInfo.InvariantCulture;
        sb.AppendLine(ci, $"{Name}: {Outcomes.Count} rows ({PositiveCount} with an event, {NegativeCount} without)");
        sb.AppendLine(ci, $"  accuracy (first event's subtype) {Accuracy:0.00} ({RightCount}/{PositiveCount}); no event {NoEventRate:0.00}; weighted F1 {WeightedF1:0.00}; place right {PlaceRate:0.00}");
        sb.AppendLine(ci, $"  false events on rows without one {FalseEventRate:0.00} ({Negatives.Count(o => o.Got != "-")}/{NegativeCount})");
        sb.AppendLine();
        sb.AppendLine("subtype\tsupport\tpredicted\tright\tprecision\trecall\tF1");
        foreach (var s in Scores)
            sb.AppendLine(ci, $"{s.Subtype}\t{s.Support}\t{s.Predicted}\t{s.Right}\t{s.Precision:0.00}\t{s.Recall:0.00}\t{s.F1:0.00}");
        sb.AppendLine();
        sb.AppendLine("confusions (expected -> got: count)");
        foreach (var (e, g, n) in Confusions) sb.AppendLine(ci, $"  {e} -> {g}: {n}");
        if (explain)
        {
            sb.AppendLine();
            foreach (var o in Outcomes.Where(o => !o.Right || !o.PlaceRight))
                sb.AppendLine(ci, $"line {o.Row.Line} [{o.Row.Split}] expected {o.Row.Expected} @ {o.Row.Place}, got {o.Got} @ {o.GotPlace ?? "-"}: {o.Row.Text}");
        }
        return sb.ToString();
    }

    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        var ci = CultureInfo.InvariantCulture;
        sb.AppendLine(ci, $"{Name}: accuracy {Accuracy:0.00} ({RightCount}/{PositiveCount}), no event {NoEventRate:0.00}, weighted F1 {WeightedF1:0.00}, false events {FalseEventRate:0.00} ({Negatives.Count(o => o.Got != "-")}/{NegativeCount})");
        sb.AppendLine();
        sb.AppendLine("| subtype | support | predicted | right | P | R | F1 |");
        sb.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var s in Scores)
            sb.AppendLine(ci, $"| {s.Subtype} | {s.Support} | {s.Predicted} | {s.Right} | {s.Precision:0.00} | {s.Recall:0.00} | {s.F1:0.00} |");
        return sb.ToString();
    }
}

/// <summary>
/// A corpus of one-event snippets labelled with their subtype (tests/corpus/&lt;lang&gt;/subtypes.tsv, columns split, subtype, place,
/// text, comment), run through a pipeline. Each row is a document of its own, in the corpus's language, published on a fixed day.
/// </summary>
public static class SubtypeCorpus
{
    /// <summary>The publication day given to every snippet (their relative dates, "on Monday", are read from it).</summary>
    public static readonly PartialDate Published = PartialDate.Parse("2024-03-12");

    public static IReadOnlyList<SubtypeRow> Load(string path)
    {
        var tsv = Tsv.Load(path);
        foreach (var c in new[] { "split", "subtype", "place", "text" })
            if (!tsv.Columns.Contains(c)) throw new FormatException($"{path}: no column '{c}'");
        var rows = new List<SubtypeRow>();
        foreach (var r in tsv.Rows)
        {
            var split = r["split"];
            if (split is not ("tune" or "check")) throw new FormatException($"{path}:{r.Line}: split '{split}' is neither 'tune' nor 'check'");
            rows.Add(new SubtypeRow(r.Line, split, r["subtype"], r.Get("place") ?? "-", r["text"]));
        }
        return rows;
    }

    /// <summary>Runs each row as a document published on <see cref="Published"/>, or with no publication day when <paramref name="undated"/>
    /// (as snippets often come: their "on Monday" cannot be dated).</summary>
    public static IReadOnlyList<SubtypeOutcome> Run(IEnumerable<SubtypeRow> rows, Vigie.Pipeline.Pipeline pipeline, string lang, bool undated = false) =>
        rows.Select(row =>
        {
            var doc = new Document($"line-{row.Line}", row.Text) { Language = lang, Published = undated ? null : Published };
            pipeline.Run(doc);
            // the snippet's event: the first one told as news (not optional: background, caption, hedged; asserted or claimed)
            var events = ExtractionResult.For(doc).Events.Where(e => !e.Optional && e.Modality is Modality.Asserted or Modality.Claimed).ToList();
            var first = events.OrderBy(e => e.Evidence.Count > 0 ? e.Evidence[0].Start : 0).FirstOrDefault();
            var got = first?.Subtype is { } st ? Scorer.Snake(st) : "-";
            var place = first?.Location is { } l ? string.Join(" | ", new[] { l.Name, l.Admin1 }.Where(x => !string.IsNullOrEmpty(x))) : null;
            return new SubtypeOutcome(row, got, place, events.Count);
        }).ToList();

    internal static bool SamePlace(string got, string expected)
    {
        var e = Fold.String(expected).ToLowerInvariant();
        return got.Split(" | ").Select(g => Fold.String(g).ToLowerInvariant()).Any(g => g.Length > 0 && (g.Contains(e, StringComparison.Ordinal) || e.Contains(g, StringComparison.Ordinal)));
    }
}
