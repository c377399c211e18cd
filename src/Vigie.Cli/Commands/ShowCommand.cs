using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Vigie.Export;
using Vigie.Model;
using Vigie.Storage;

namespace Vigie.Cli.Commands;

/// <summary><c>vigie show EVENT_ID</c>: one event, each source's claim, and the evidence sentences with the supporting spans highlighted.</summary>
public static class ShowCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("EVENT_ID") { Description = "An event id (ev-…) or number, as `vigie events` lists them, or the event_id_cnty of an ACLED export (SYR-…)" };
        var command = new Command("show", "Show one event: its values, every report of it with the source's fatality claim, and the evidence in each text") { id };
        CliHelp.SetExamples(command, "vigie show ev-3fa81c09d2e4", "vigie show 12", "vigie show SYR-3fa81c09d2e4");
        command.SetAction(parse =>
        {
            var options = new Options(GlobalOptions.Db(parse), parse.GetValue(id) ?? "");
            using var store = StoreAccess.Open(options.Db, mustExist: true);
            return Run(store, hash => store.Document(hash) is { } d ? new ShownDocument(d.Text, d.Record.DateResolved?.Date.ToString()) : null,
                options, CommandOutput.Of(parse));
        });
        return command;
    }

    /// <summary>What <c>vigie show</c> was asked: the database and the event (id, number or ACLED event_id_cnty).</summary>
    public sealed record Options(string Db, string Key);

    /// <summary>What <c>show</c> prints of a report's document: its text (for the evidence) and the publication day inferred from it.</summary>
    public sealed record ShownDocument(string Text, string? DateResolved);

    /// <param name="documentOf">A stored document by its content hash (null when it is not there).</param>
    public static int Run(IEventSource source, Func<string, ShownDocument?> documentOf, Options options, CommandOutput output)
    {
        var ev = source.Event(EventExports.EventIdOfAcled(options.Key) ?? options.Key)
                 ?? throw new NotFoundException($"no event '{options.Key}' in {StoreAccess.Describe(options.Db)} (see `vigie events`)");
        Write(output.Console(), ev, documentOf);
        return ExitCodes.Ok;
    }

    public static void Write(IAnsiConsole console, StoredEvent s, Func<string, ShownDocument?> documentOf)
    {
        var documents = s.Mentions.Select(m => documentOf(m.DocumentHash)).ToList();
        var e = s.Event;
        var grid = new Grid().AddColumn().AddColumn();
        void Row(string k, string? v) { if (!string.IsNullOrEmpty(v)) grid.AddRow(new Markup($"[bold]{k}[/]"), new Spectre.Console.Text(v)); }
        Row("event", $"{s.Id} (#{s.Number})");
        Row("type", AcledVocabulary.EventType(e.Type) + (e.Subtype is { } sub ? " / " + AcledVocabulary.SubEventType(sub) : ""));
        Row("date", Format.Date(e.Date));
        Row("place", e.Location is { } l ? $"{l.Name}{(l.Admin1 != null ? ", " + l.Admin1 : "")}{(l.Country != null ? " (" + l.Country + ")" : "")}{(l.Lat != null ? string.Create(CultureInfo.InvariantCulture, $" {l.Lat:0.###}, {l.Lon:0.###}") : "")}" : null);
        Row("actor 1", e.Actor1?.Name);
        Row("actor 2", e.Actor2?.Name);
        Row("modality", e.Modality.ToString().ToLowerInvariant());
        Row("killed", s.FatalitiesBest is { } b ? $"best {b} (low {s.FatalitiesLow}, high {s.FatalitiesHigh})" : "no figure given");
        console.Write(grid);
        console.WriteLine();

        var claims = new Table().Border(TableBorder.Simple).Title("reports").AddColumns("document", "published", "source", "reliability", "modality", "killed");
        for (var i = 0; i < s.Mentions.Count; i++)
        {
            var m = s.Mentions[i];
            // a day inferred from the text beside the month or year the input gave
            var published = documents[i]?.DateResolved is { } day && day != m.Published ? $"{m.Published} (day: {day})" : m.Published ?? "";
            claims.AddRow(Markup.Escape(m.DocumentId), Markup.Escape(published), Markup.Escape(m.Source ?? "(unattributed)"),
                m.Reliability.ToString(CultureInfo.InvariantCulture), m.Modality.ToString().ToLowerInvariant(),
                m.Fatalities?.ToString(CultureInfo.InvariantCulture) ?? "");
        }
        console.Write(claims);
        console.Write(new Spectre.Console.Text("  " + Vigie.Fusion.SourceReliability.Legend()));
        console.WriteLine();

        for (var i = 0; i < s.Mentions.Count; i++)
        {
            var m = s.Mentions[i];
            if (documents[i]?.Text is not { } text) continue;
            console.WriteLine();
            console.MarkupLine($"[bold]{Markup.Escape(m.DocumentId)}[/]{(m.DocumentTitle != null ? " — " + Markup.Escape(m.DocumentTitle) : "")}");
            var spans = m.Event.Evidence.Concat(m.Event.FieldEvidence?.Values.SelectMany(v => v) ?? []).Where(x => x.IsValidFor(text)).ToList();
            foreach (var (start, end) in Sentences(text, m.Event.Evidence.Where(x => x.IsValidFor(text))))
                console.MarkupLine("  " + Highlight(text, start, end, spans));
        }
    }

    /// <summary>The sentence around each evidence span (from the previous sentence end to the next), merged when they overlap.</summary>
    public static IEnumerable<(int Start, int End)> Sentences(string text, IEnumerable<TextSpan> evidence)
    {
        var ranges = new List<(int, int)>();
        foreach (var span in evidence.Order())
        {
            var start = span.Start;
            while (start > 0 && !IsSentenceEnd(text, start - 1)) start--;
            var end = span.End;
            while (end < text.Length && !IsSentenceEnd(text, end - 1)) end++;
            while (start < end && char.IsWhiteSpace(text[start])) start++;
            if (ranges.Count > 0 && start <= ranges[^1].Item2) ranges[^1] = (ranges[^1].Item1, Math.Max(end, ranges[^1].Item2));
            else ranges.Add((start, end));
        }
        return ranges;
    }

    private static bool IsSentenceEnd(string text, int i) =>
        i >= 0 && (text[i] == '\n' || (text[i] is '.' or '!' or '?' && (i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1]))));

    /// <summary>Spectre markup of text[start, end) with the spans in bold yellow.</summary>
    public static string Highlight(string text, int start, int end, IReadOnlyList<TextSpan> spans)
    {
        var marks = new bool[end - start];
        foreach (var s in spans)
            for (var i = Math.Max(s.Start, start); i < Math.Min(s.End, end); i++) marks[i - start] = true;
        var sb = new System.Text.StringBuilder();
        var i0 = 0;
        while (i0 < marks.Length)
        {
            var i1 = i0;
            while (i1 < marks.Length && marks[i1] == marks[i0]) i1++;
            var piece = Markup.Escape(text.Substring(start + i0, i1 - i0).Replace('\n', ' '));
            sb.Append(marks[i0] ? $"[bold yellow]{piece}[/]" : piece);
            i0 = i1;
        }
        return sb.ToString();
    }
}
