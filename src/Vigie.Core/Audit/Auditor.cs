using Vigie.Extraction.Assembly;
using Vigie.Model;

namespace Vigie.Audit;

/// <summary>One sentence (or event) the audit lists: the document, the class, what was seen, the sentence.</summary>
public sealed record AuditFinding(string DocId, string Class, string Detail, TextSpan Sentence, string Text);

/// <summary>What the audit of one document found, with the number of candidates of each class (the "of N").</summary>
public sealed class DocumentAudit
{
    public required string DocId { get; init; }
    public int Sentences { get; init; }
    public List<AuditFinding> Findings { get; } = [];
    /// <summary>Per class, how many sentences (or events, or figures) were checked.</summary>
    public Dictionary<string, int> Checked { get; } = Auditor.Classes.ToDictionary(c => c, _ => 0);
}

/// <summary>
/// Reads an extracted document and lists where the extraction and its own cues disagree, sentence by
/// sentence. Cues come from the mention layers (outcome words, victim nouns, event triggers), which
/// the language packs fill; nothing here knows a word of any language.
/// </summary>
public static class Auditor
{
    /// <summary>A sentence with a casualty cue and a head-count number, but no extracted figure in it.</summary>
    public const string FigureCueWithoutFigure = "figure-cue-without-figure";
    /// <summary>A sentence with an event trigger, but no event whose evidence lies in it.</summary>
    public const string EventCueWithoutEvent = "event-cue-without-event";
    /// <summary>An event whose evidence sentences hold no trigger.</summary>
    public const string EventWithoutCue = "event-without-cue";
    /// <summary>A figure of group "all" whose sentence names a victim group.</summary>
    public const string FigureGroupAllWithVictims = "figure-group-all-with-victims";

    public static readonly IReadOnlyList<string> Classes =
        [FigureCueWithoutFigure, EventCueWithoutEvent, EventWithoutCue, FigureGroupAllWithVictims];

    /// <summary>What each class counts among, for the summary ("12 of 340 sentences with a cue").</summary>
    public static string CheckedNoun(string cls) => cls switch
    {
        FigureCueWithoutFigure => "sentences with a casualty cue and a number",
        EventCueWithoutEvent => "sentences with an event trigger",
        EventWithoutCue => "events",
        _ => "figures of group all",
    };

    /// <summary>Prepares a document so the event assembly records its gates; call before the pipeline runs.</summary>
    public static void Prepare(Document doc) => doc.Layers.SetOne(new EventGates());

    /// <summary>Audits a document the pipeline has run on.</summary>
    public static DocumentAudit Audit(Document doc)
    {
        var v = new DocView(doc);
        var text = doc.Text;
        var result = v.Result;
        var audit = new DocumentAudit { DocId = doc.Id, Sentences = v.Sentences.Count };
        var gates = doc.Layers.GetOne<EventGates>();
        var outcomes = Bucket(v, doc.Layers.Get<OutcomeMention>(), o => o.Span);
        var figures = result.CasualtyReports.SelectMany(r => r.Figures).ToList();
        var figureSpans = figures.SelectMany(f => f.Evidence ?? []).ToList();
        var eventSpans = result.Events.SelectMany(e => e.Evidence).ToList();

        void Add(string cls, string detail, int s) =>
            audit.Findings.Add(new AuditFinding(doc.Id, cls, detail, v.Sentences[s].Span, OneLine(v.Sentences[s].Span.Of(text))));

        for (var s = 0; s < v.Sentences.Count; s++)
        {
            var span = v.Sentences[s].Span;
            // 1. a casualty cue and a head count, no figure
            var numbers = v.Numbers[s].Where(n => IsHeadCount(v, s, n)).ToList();
            if (outcomes[s].Count > 0 && numbers.Count > 0)
            {
                audit.Checked[FigureCueWithoutFigure]++;
                if (!figureSpans.Any(f => f.Overlaps(span)))
                    Add(FigureCueWithoutFigure,
                        $"cue: {string.Join(", ", outcomes[s].Select(o => o.Span.Of(text)).Distinct())}; numbers: {string.Join(", ", numbers.Select(n => n.Span.Of(text)))}", s);
            }
            // 2. an event trigger, no event
            if (v.Triggers[s].Count > 0)
            {
                audit.Checked[EventCueWithoutEvent]++;
                if (!eventSpans.Any(e => e.Overlaps(span)))
                {
                    var found = gates?.Within(span) ?? [];
                    var gate = found.Count > 0 ? string.Join(", ", found) : "unknown";
                    Add(EventCueWithoutEvent,
                        $"trigger: {string.Join(", ", v.Triggers[s].Select(t => $"{t.Span.Of(text)} ({Names.Of(t.Subtype)})"))}; gate: {gate}", s);
                }
            }
        }
        // 3. events with no trigger in their evidence
        foreach (var e in result.Events)
        {
            audit.Checked[EventWithoutCue]++;
            var sentences = e.Evidence.Select(x => v.SentenceAt(x.Start)).Where(x => x >= 0).Distinct().Order().ToList();
            if (sentences.Count == 0 || sentences.Any(x => v.Triggers[x].Count > 0)) continue;
            Add(EventWithoutCue, $"event: {(e.Subtype is { } st ? Names.Of(st) : Names.Of(e.Type))} at {e.Location?.Name ?? "?"}", sentences[0]);
        }
        // 4. figures of group "all" in a sentence that names the victims
        foreach (var f in figures)
        {
            if (f.Group != VictimGroup.All || f.Evidence is not { Count: > 0 } ev) continue;
            audit.Checked[FigureGroupAllWithVictims]++;
            var s = v.SentenceAt(ev[0].Start);
            if (s < 0) continue;
            var victims = v.Victims[s].Where(x => x.Group != VictimGroup.All).ToList();
            if (victims.Count == 0) continue;
            Add(FigureGroupAllWithVictims,
                $"figure: {f.Count} {Names.Of(f.Outcome)}; victims: {string.Join(", ", victims.Select(x => $"{x.Span.Of(text)} ({Names.Of(x.Group)})").Distinct())}", s);
        }
        return audit;
    }

    /// <summary>A number that can count people: a value, not vague, no unit (km, %, years), not part of a date.</summary>
    private static bool IsHeadCount(DocView v, int s, NumberMention n) =>
        n.Value is not null && !n.Vague && n.Unit == null && !v.Times[s].Any(t => t.Span.Overlaps(n.Span));

    private static List<T>[] Bucket<T>(DocView v, IReadOnlyList<T> items, Func<T, TextSpan> span)
    {
        var b = new List<T>[v.Sentences.Count];
        for (var i = 0; i < b.Length; i++) b[i] = [];
        foreach (var it in items)
            if (v.SentenceAt(span(it).Start) is var s and >= 0) b[s].Add(it);
        return b;
    }

    /// <summary>The text on one line: tabs and line breaks become spaces, runs of spaces one.</summary>
    public static string OneLine(string s) =>
        System.Text.RegularExpressions.Regex.Replace(s, @"\s+", " ").Trim();

    /// <summary>Snake-case names of the enums, as the output format writes them.</summary>
    private static class Names
    {
        public static string Of<T>(T value) where T : struct, Enum =>
            System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
    }
}
