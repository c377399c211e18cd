using System.Globalization;
using System.Text;
using Vigie.Extraction.Assembly;
using Vigie.Extraction.Finders;
using Vigie.Lexicons;
using Vigie.Model;
using Vigie.Text;

namespace Vigie.Scoring;

/// <summary>One row of a subtype corpus (tests/corpus/&lt;lang&gt;/subtypes.tsv): a snippet and the subtype of its first event ('-': no event).</summary>
public sealed record SubtypeCorpusRow(int Line, string Split, string Expected, string Place, string Text, string Comment)
{
    public bool HasEvent => Expected != SubtypeCorpus.None;
}

/// <summary>What the pipeline made of one row: the first event's subtype ('-' when none) and whether its place is the expected one.</summary>
public sealed record SubtypeCorpusOutcome(SubtypeCorpusRow Row, string Got, string? GotPlace, bool PlaceRight, int Events)
{
    /// <summary>The event words found (subtype: words) and the gates that kept them from being events, for --explain.</summary>
    public string Why { get; init; } = "";

    public bool Right => Got == Row.Expected;
}

/// <summary>Precision, recall and F1 of one subtype over a set of rows (a row counts for the subtype it expects and the one it got).</summary>
public sealed record SubtypeScore(string Subtype, int Support, int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => Support == 0 ? 0 : (double)TruePositives / Support;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>
/// A subtype corpus run through a pipeline: one-event snippets with the ACLED subtype their first event must have, near misses
/// and sentences that must give no event. Read by <c>vigie eval-snippets</c> and the corpus tests. Every snippet is read as
/// published on <see cref="Published"/>, in the language its folder names (tests/corpus/&lt;lang&gt;/).
/// </summary>
public static class SubtypeCorpus
{
    public const string None = "-";
    public static readonly PartialDate Published = PartialDate.Parse("2024-03-12");

    /// <summary>The rows of the file; a row whose split is not tune or check, or whose subtype is unknown, is a <see cref="FormatException"/>.</summary>
    public static List<SubtypeCorpusRow> Read(string path)
    {
        var tsv = Tsv.Load(path);
        var names = Enum.GetNames<EventSubtype>().Select(FinderData.SnakeCase).ToHashSet();
        var rows = new List<SubtypeCorpusRow>();
        foreach (var r in tsv.Rows)
        {
            var row = new SubtypeCorpusRow(r.Line, r["split"], r["subtype"], r["place"], r["text"], r.Get("comment") ?? "");
            if (row.Split is not ("tune" or "check")) throw new FormatException($"{path}:{r.Line}: split '{row.Split}' is neither tune nor check");
            if (row.HasEvent && !names.Contains(row.Expected)) throw new FormatException($"{path}:{r.Line}: '{row.Expected}' is not a subtype");
            if (row.Text.Length == 0) throw new FormatException($"{path}:{r.Line}: no text");
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>The language of a corpus file: the name of its folder when a pack has that code, else null (the guesser decides).</summary>
    public static string? LanguageOf(string path)
    {
        var folder = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path)));
        return Languages.Has(folder) ? folder : null;
    }

    /// <summary>Runs each row through the pipeline (rows in parallel; the pipeline is thread-safe) and returns the outcomes in file order.</summary>
    public static List<SubtypeCorpusOutcome> Run(IEnumerable<SubtypeCorpusRow> rows, Pipeline.Pipeline pipeline, string? language)
    {
        var list = rows.ToList();
        var outcomes = new SubtypeCorpusOutcome[list.Count];
        Parallel.For(0, list.Count, i => outcomes[i] = RunOne(list[i], pipeline, language));
        return [.. outcomes];
    }

    private static SubtypeCorpusOutcome RunOne(SubtypeCorpusRow row, Pipeline.Pipeline pipeline, string? language)
    {
        var doc = new Document($"line{row.Line}", row.Text) { Language = language, Published = Published };
        doc.Layers.SetOne(new EventGates());
        pipeline.Run(doc);
        var triggers = doc.Layers.Get<TriggerMention>().Select(t => $"{FinderData.SnakeCase(t.Subtype.ToString())}: {row.Text[t.Span.Start..t.Span.End]}");
        var gates = doc.Layers.GetOne<EventGates>()!.Entries.Select(e => e.Gate).Distinct();
        var places = doc.Layers.Get<PlaceMention>().Select(p => $"{p.Name}/{p.Relation}{(p.Resolved is { } r ? $"→{r.Name} p{r.Precision}{(r.Lat == null ? " no point" : "")}" : "→?")}");
        var why = $"triggers [{string.Join("; ", triggers)}] places [{string.Join("; ", places)}] gates [{string.Join("; ", gates)}]";
        var events = ExtractionResult.For(doc).Events;
        var first = events.OrderBy(e => e.Evidence.Count > 0 ? e.Evidence.Min(s => s.Start) : int.MaxValue).FirstOrDefault();
        var got = first?.Subtype is { } st ? FinderData.SnakeCase(st.ToString()) : None;
        var placeText = first?.Location?.Evidence is { Count: > 0 } ev
            ? string.Join(" ", ev.Select(s => row.Text[s.Start..s.End]))
            : first?.Location?.Name;
        var placeRight = row.Place != None && placeText != null
            && (Fold.String(placeText).Contains(Fold.String(row.Place)) || Fold.String(first!.Location!.Name ?? "") == Fold.String(row.Place));
        return new SubtypeCorpusOutcome(row, got, placeText, placeRight, events.Count) { Why = why };
    }
}

/// <summary>The figures of a subtype corpus run: accuracy, rows with no event, false events, per-subtype scores, confusions.</summary>
public sealed class SubtypeCorpusReport(IReadOnlyList<SubtypeCorpusOutcome> outcomes)
{
    public IReadOnlyList<SubtypeCorpusOutcome> Outcomes { get; } = outcomes;
    private IEnumerable<SubtypeCorpusOutcome> WithEvent => Outcomes.Where(o => o.Row.HasEvent);
    private IEnumerable<SubtypeCorpusOutcome> WithoutEvent => Outcomes.Where(o => !o.Row.HasEvent);

    public int EventRows => WithEvent.Count();
    public int NonEventRows => WithoutEvent.Count();
    public int Right => WithEvent.Count(o => o.Right);
    public int NoEvent => WithEvent.Count(o => o.Got == SubtypeCorpus.None);
    public int FalseEvents => WithoutEvent.Count(o => o.Got != SubtypeCorpus.None);
    public int WithPlace => WithEvent.Count(o => o.Right && o.Row.Place != SubtypeCorpus.None);
    public int PlaceRight => WithEvent.Count(o => o.Right && o.PlaceRight);

    /// <summary>Share of the rows with a subtype whose first event has it.</summary>
    public double Accuracy => Ratio(Right, EventRows);
    /// <summary>Share of the rows with a subtype where no event was found.</summary>
    public double NoEventRate => Ratio(NoEvent, EventRows);
    /// <summary>Share of the rows without an event where one was found.</summary>
    public double FalseEventRate => Ratio(FalseEvents, NonEventRows);
    public double PlaceRate => Ratio(PlaceRight, WithPlace);

    public IReadOnlyList<SubtypeScore> Scores()
    {
        var names = Outcomes.Select(o => o.Row.Expected).Concat(Outcomes.Select(o => o.Got)).Where(s => s != SubtypeCorpus.None)
            .Distinct().OrderBy(s => s, StringComparer.Ordinal);
        return names.Select(s => new SubtypeScore(s,
            Outcomes.Count(o => o.Row.Expected == s),
            Outcomes.Count(o => o.Row.Expected == s && o.Right),
            Outcomes.Count(o => o.Got == s && !o.Right),
            Outcomes.Count(o => o.Row.Expected == s && !o.Right))).ToList();
    }

    /// <summary>F1 per subtype weighted by the rows that expect it.</summary>
    public double WeightedF1
    {
        get
        {
            var scores = Scores().Where(s => s.Support > 0).ToList();
            var total = scores.Sum(s => s.Support);
            return total == 0 ? 0 : scores.Sum(s => s.F1 * s.Support) / total;
        }
    }

    /// <summary>Wrong outcomes as (expected, got) pairs, most frequent first.</summary>
    public IReadOnlyList<(string Expected, string Got, int Count)> Confusions() =>
        Outcomes.Where(o => !o.Right).GroupBy(o => (o.Row.Expected, o.Got))
            .Select(g => (g.Key.Expected, g.Key.Got, g.Count())).OrderByDescending(c => c.Item3).ThenBy(c => c.Expected, StringComparer.Ordinal)
            .ThenBy(c => c.Got, StringComparer.Ordinal).ToList();

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;
    private static string F(double d) => d.ToString("0.00", CultureInfo.InvariantCulture);

    public string Summary() =>
        $"accuracy {F(Accuracy)} ({Right}/{EventRows}), no event {F(NoEventRate)} ({NoEvent}/{EventRows}), weighted F1 {F(WeightedF1)}, "
        + $"false events {F(FalseEventRate)} ({FalseEvents}/{NonEventRows}), place right {F(PlaceRate)} ({PlaceRight}/{WithPlace})";

    public string ToText(bool explain)
    {
        var sb = new StringBuilder();
        sb.AppendLine(Summary()).AppendLine();
        sb.AppendLine("subtype\tn\tright\tP\tR\tF1\tmost often instead");
        foreach (var s in Scores())
        {
            var instead = Confusions().Where(c => c.Expected == s.Subtype).Take(2).Select(c => $"{c.Got} {c.Count}");
            sb.AppendLine($"{s.Subtype}\t{s.Support}\t{s.TruePositives}\t{F(s.Precision)}\t{F(s.Recall)}\t{F(s.F1)}\t{string.Join(", ", instead)}");
        }
        if (explain)
        {
            sb.AppendLine().AppendLine("misses (line: expected → got, place found):");
            foreach (var o in Outcomes.Where(o => !o.Right))
                sb.AppendLine($"{o.Row.Line}: {o.Row.Expected} → {o.Got} [{o.GotPlace ?? "-"}] {o.Row.Text}\n    {o.Why}");
        }
        return sb.ToString();
    }

    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.AppendLine(Summary()).AppendLine();
        sb.AppendLine("| subtype | n | P | R | F1 |").AppendLine("|---|---|---|---|---|");
        foreach (var s in Scores())
            sb.AppendLine($"| `{s.Subtype}` | {s.Support} | {F(s.Precision)} | {F(s.Recall)} | {F(s.F1)} |");
        return sb.ToString();
    }
}
