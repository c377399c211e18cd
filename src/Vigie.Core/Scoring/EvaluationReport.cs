using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigie.Scoring;

/// <summary>Renders an <see cref="EvaluationResult"/> as plain-text tables or as JSON.</summary>
public static class EvaluationReport
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static string ToJson(EvaluationResult result, bool explain)
    {
        if (explain) return JsonSerializer.Serialize(result, JsonOptions);
        var slim = new EvaluationResult
        {
            Overall = result.Overall,
            ByLanguage = result.ByLanguage,
            Warnings = result.Warnings,
            Documents = result.Documents.Select(d => new DocumentScore { Id = d.Id, Lang = d.Lang, Scores = d.Scores }).ToList(),
        };
        return JsonSerializer.Serialize(slim, JsonOptions);
    }

    private static readonly string[] Header =
        ["", "docs", "ev P", "ev R", "ev F1", "tp", "fp", "fn", "opt", "subtype", "actors", "≤25km", "fatal.", "fig P", "fig R", "fig F1", "tp", "fp", "fn", "source", "bound", "date", "false date"];

    public static string ToText(EvaluationResult result, bool explain)
    {
        var sb = new StringBuilder();
        var summary = new List<string[]> { Header, Row("all", result.Overall) };
        foreach (var (lang, s) in result.ByLanguage) summary.Add(Row(lang, s));
        sb.AppendLine("Summary (events over non-optional gold; subtype/actors/≤25km/fatal. among matched events; source/bound among matched figures)");
        Table(sb, summary);
        sb.AppendLine();
        sb.AppendLine("Per document");
        var docs = new List<string[]>();
        docs.Add(["document", .. Header[1..]]);
        foreach (var d in result.Documents) docs.Add(Row($"{d.Id} [{d.Lang ?? "?"}]", d.Scores));
        Table(sb, docs);
        if (explain)
        {
            foreach (var d in result.Documents.Where(d => d.Findings.Count > 0))
            {
                sb.AppendLine();
                sb.Append("== ").AppendLine(d.Id);
                foreach (var f in d.Findings)
                {
                    sb.Append("  ").Append(Label(f.Kind)).Append(": ").AppendLine(f.What);
                    if (f.Evidence != null) sb.Append("      « ").Append(f.Evidence).AppendLine(" »");
                }
            }
        }
        foreach (var w in result.Warnings) sb.Append("warning: ").AppendLine(w);
        return sb.ToString();
    }

    /// <summary>The summary as a Markdown table (for docs/ACCURACY.md), one row per scope.</summary>
    public static string ToMarkdown(EvaluationResult result, string name)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| gold | scope | docs | event P | event R | event F1 (tp/fp/fn) | subtype | actor kinds | ≤ 25 km | fatalities | figure P | figure R | figure F1 (tp/fp/fn) | source | bound | date resolved | false dates |");
        sb.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var scopes = new List<(string, Scores)> { ("all", result.Overall) };
        if (result.ByLanguage.Count > 1) scopes.AddRange(result.ByLanguage.Select(kv => (kv.Key, kv.Value)));
        foreach (var (scope, s) in scopes)
            sb.AppendLine($"| {name} | {scope} | {s.Documents} | {D(s.Events.Precision)} | {D(s.Events.Recall)} | {D(s.Events.F1)} ({s.Events.Tp}/{s.Events.Fp}/{s.Events.Fn}) | " +
                $"{R(s.Subtype)} | {R(s.ActorKind)} | {R(s.LocationWithin25Km)} | {R(s.Fatalities)} | " +
                $"{D(s.Figures.Precision)} | {D(s.Figures.Recall)} | {D(s.Figures.F1)} ({s.Figures.Tp}/{s.Figures.Fp}/{s.Figures.Fn}) | {R(s.FigureSource)} | {R(s.FigureBound)} | " +
                $"{(s.DateResolved.Total == 0 ? "–" : $"{s.DateResolved.Hits}/{s.DateResolved.Total}")} | {s.FalseDateResolved} |");
        return sb.ToString();
    }

    /// <summary>Event precision, recall and F1 per subtype, for every scope (all documents, then each language).</summary>
    public static string ToSubtypeMarkdown(EvaluationResult result, string name)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| gold | scope | subtype | gold events | found | right | P | R | F1 |");
        sb.AppendLine("|---|---|---|---:|---:|---:|---:|---:|---:|");
        var scopes = new List<(string, Scores)> { ("all", result.Overall) };
        if (result.ByLanguage.Count > 1) scopes.AddRange(result.ByLanguage.Select(kv => (kv.Key, kv.Value)));
        foreach (var (scope, s) in scopes)
            foreach (var (sub, p) in s.PerSubtype)
                sb.AppendLine($"| {name} | {scope} | {sub} | {p.Tp + p.Fn} | {p.Tp + p.Fp} | {p.Tp} | {D(p.Precision)} | {D(p.Recall)} | {D(p.F1)} |");
        return sb.ToString();
    }

    private static string Label(FindingKind k) => k switch
    {
        FindingKind.MissedEvent => "missed event",
        FindingKind.FalseEvent => "false event",
        FindingKind.SubtypeDiffers => "subtype differs",
        FindingKind.ActorKindDiffers => "actor kind differs",
        FindingKind.LocationNotWithin25Km => "location not within 25 km",
        FindingKind.FatalitiesDiffer => "fatalities differ",
        FindingKind.MissedFigure => "missed figure",
        FindingKind.FalseFigure => "false figure",
        FindingKind.SourceDiffers => "source differs",
        FindingKind.BoundDiffers => "bound differs",
        FindingKind.DateResolvedMissed => "publication date missed",
        FindingKind.DateResolvedFalse => "false publication date",
        _ => k.ToString(),
    };

    private static string[] Row(string name, Scores s) =>
    [
        name, I(s.Documents),
        D(s.Events.Precision), D(s.Events.Recall), D(s.Events.F1), I(s.Events.Tp), I(s.Events.Fp), I(s.Events.Fn), I(s.OptionalMatched),
        R(s.Subtype), R(s.ActorKind), R(s.LocationWithin25Km), R(s.Fatalities),
        D(s.Figures.Precision), D(s.Figures.Recall), D(s.Figures.F1), I(s.Figures.Tp), I(s.Figures.Fp), I(s.Figures.Fn),
        R(s.FigureSource), R(s.FigureBound),
        s.DateResolved.Total == 0 ? "–" : $"{s.DateResolved.Hits}/{s.DateResolved.Total}", I(s.FalseDateResolved),
    ];

    private static string I(int n) => n.ToString(CultureInfo.InvariantCulture);
    private static string D(double? v) => v is { } x ? x.ToString("0.00", CultureInfo.InvariantCulture) : "–";
    private static string R(Ratio r) => D(r.Value);

    private static void Table(StringBuilder sb, List<string[]> rows)
    {
        var widths = new int[rows[0].Length];
        foreach (var r in rows)
            for (var i = 0; i < r.Length; i++) widths[i] = Math.Max(widths[i], r[i].Length);
        var line = new StringBuilder();
        foreach (var r in rows)
        {
            line.Clear();
            for (var i = 0; i < r.Length; i++)
            {
                if (i > 0) line.Append("  ");
                line.Append(i == 0 ? r[i].PadRight(widths[i]) : r[i].PadLeft(widths[i]));
            }
            sb.AppendLine(line.ToString().TrimEnd());
        }
    }
}
