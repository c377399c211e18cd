using Vigie.Model;
using Vigie.Text;

namespace Vigie.Extraction.Assembly;

/// <summary>
/// The layers of one document as the assemblers read them: tokens, sentences, paragraphs, and every
/// mention layer bucketed by sentence, so each sentence is visited once and look-ups stay local.
/// </summary>
public sealed class DocView
{
    public Document Doc { get; }
    public string Text => Doc.Text;
    /// <summary>The document's tokens as the concrete list the layer holds (its indexer called directly, not through the interface).</summary>
    public List<Token> Tokens { get; }
    public List<Sentence> Sentences { get; }
    /// <summary>Paragraph number of each sentence (a new paragraph after a line break).</summary>
    public int[] Paragraph { get; }
    public AssemblyCues Cues { get; }
    /// <summary>The function words of the document's language pack (lang/xx/function.tsv).</summary>
    public Finders.FunctionWords Words { get; }
    /// <summary>The verbs of speech of the document's language pack (lang/xx/sources.tsv: "said", "a annoncé").</summary>
    public Finders.PhraseMatcher<Finders.SourceFinder.Row> SpeechVerbs => Finders.SourceFinder.Lexicon.Cache.For(Finders.FinderData.LangOf(Doc)).Verbs;
    public ExtractionResult Result { get; }

    public List<NumberMention>[] Numbers { get; }
    public List<TimeMention>[] Times { get; }
    public List<PlaceMention>[] Places { get; }
    public List<ActorMention>[] Actors { get; }
    public List<VictimMention>[] Victims { get; }
    public List<SourceMention>[] Sources { get; }
    public List<TriggerMention>[] Triggers { get; }
    public List<ModalityMention>[] Modalities { get; }
    public List<OutcomeMention>[] Outcomes { get; }
    public IReadOnlyList<Quote> Quotes { get; }
    public IReadOnlyList<ActorMention> AllActors { get; }

    /// <summary>The layers a view reads: what the assemblers that use one require.</summary>
    public static readonly IReadOnlyList<Type> Layers =
    [
        typeof(Token), typeof(Sentence), typeof(Quote), typeof(NumberMention), typeof(TimeMention), typeof(PlaceMention), typeof(ActorMention),
        typeof(VictimMention), typeof(SourceMention), typeof(TriggerMention), typeof(ModalityMention), typeof(OutcomeMention),
    ];

    /// <summary>The view the calling thread built last, reused while it still shows the same document's layers.</summary>
    [ThreadStatic] private static DocView? _last;
    private readonly string? _language;
    private readonly object[] _sources;
    private readonly int[] _counts;

    /// <summary>
    /// A view of <paramref name="doc"/>, shared by the components that read one in a row (the casualty assembler, then
    /// the event assembler): the view the thread built last when it is of the same document and no layer it reads was
    /// set anew or changed size since (compared by reference and count; empty layers are all alike), else a new one. Its per-document caches (<see cref="Has"/>,
    /// <see cref="IsCaption"/>) are then computed once.
    /// </summary>
    public static DocView Of(Document doc)
    {
        if (_last is { } last && ReferenceEquals(last.Doc, doc) && last.IsCurrent()) return last;
        return _last = new DocView(doc);
    }

    /// <summary>The layers read, in the order of <see cref="_sources"/>.</summary>
    private object[] ReadSources() =>
    [
        Doc.Layers.Get<Token>(), Doc.Layers.Get<Sentence>(), Doc.Layers.Get<Quote>(), Doc.Layers.Get<NumberMention>(),
        Doc.Layers.Get<TimeMention>(), Doc.Layers.Get<PlaceMention>(), Doc.Layers.Get<ActorMention>(), Doc.Layers.Get<VictimMention>(),
        Doc.Layers.Get<SourceMention>(), Doc.Layers.Get<TriggerMention>(), Doc.Layers.Get<ModalityMention>(), Doc.Layers.Get<OutcomeMention>(),
        (object?)Doc.Layers.GetOne<ExtractionResult>() ?? this,
    ];

    private bool IsCurrent()
    {
        if (!string.Equals(_language, Doc.Language, StringComparison.Ordinal)) return false;
        var now = ReadSources();
        var counts = Counts(now);
        // an absent layer reads as a new empty list each time: two empty lists show the same
        for (var i = 0; i < now.Length; i++)
            if (counts[i] != _counts[i] || (!ReferenceEquals(now[i], _sources[i]) && counts[i] != 0)) return false;
        return true;
    }

    private static int[] Counts(object[] sources) =>
        Array.ConvertAll(sources, o => o is System.Collections.ICollection c ? c.Count : -1);

    /// <summary>
    /// "Les Forces de soutien rapide (FSR), des paramilitaires en guerre contre l'armée depuis avril 2023, ont attaqué …": an actor
    /// inside an apposition that describes a named actor (a comma, an indefinite determiner, then the description up to its closing
    /// comma) is part of the description, no party to what the sentence tells.
    /// </summary>
    private bool InApposition(string text, IReadOnlyList<ActorMention> actors, ActorMention m)
    {
        foreach (var named in actors)
            if (!named.Generic && named.Span.End <= m.Span.Start && m.Span.Start - named.Span.End < 80 && Describes(named)) return true;
        return false;

        bool Describes(ActorMention named)
        {
            var gap = text.AsSpan(named.Span.End, m.Span.Start - named.Span.End).TrimStart();
            // (its acronym in brackets first: "(FSR)")
            if (gap.StartsWith("(") && gap.IndexOf(')') is var close and > 0) gap = gap[(close + 1)..].TrimStart();
            if (!gap.StartsWith(",") || gap[1..].IndexOfAny(",.;:()") >= 0) return false;
            var words = gap[1..].Trim();
            var firstSpace = words.IndexOf(' ');
            if (!Words.Is("indefinite", Fold.String(firstSpace > 0 ? words[..firstSpace].ToString() : words.ToString()))) return false;
            // closed by a comma before the sentence ends
            var after = text.AsSpan(m.Span.End, Math.Min(text.Length - m.Span.End, 120));
            var comma = after.IndexOf(',');
            var stop = after.IndexOfAny(".;\n");
            return comma >= 0 && (stop < 0 || comma < stop);
        }
    }

    public DocView(Document doc)
    {
        Doc = doc;
        _language = doc.Language;
        Tokens = AsList(doc.Layers.Get<Token>());
        Sentences = AsList(doc.Layers.Get<Sentence>());
        Cues = AssemblyCues.For(doc.Language);
        Words = Finders.FunctionWords.Lexicon.For(Finders.FinderData.LangOf(doc));
        Result = ExtractionResult.For(doc);
        var n = Sentences.Count;
        Paragraph = new int[n];
        for (var s = 1; s < n; s++)
        {
            var gap = doc.Text.AsSpan(Sentences[s - 1].Span.End, Math.Max(0, Sentences[s].Span.Start - Sentences[s - 1].Span.End));
            Paragraph[s] = Paragraph[s - 1] + (gap.Contains('\n') ? 1 : 0);
        }
        Numbers = Bucket(doc.Layers.Get<NumberMention>(), m => m.Span);
        // "le Mouvement du 23 mars", "the March 23 Movement": a date inside an actor's name is no time of the text
        var actors = doc.Layers.Get<ActorMention>();
        bool InsideActor(TextSpan span, Func<ActorMention, bool> which) => actors.Any(a => a.Span.Contains(span) && which(a));
        Times = Bucket(doc.Layers.Get<TimeMention>().Where(t => !InsideActor(t.Span, _ => true)).ToList(), m => m.Span);
        Places = Bucket(doc.Layers.Get<PlaceMention>(), m => m.Span);
        var parties = actors.Where(m => !InApposition(doc.Text, actors, m)).ToList();
        Actors = Bucket(parties, m => m.Span);
        Victims = Bucket(doc.Layers.Get<VictimMention>(), m => m.Span);
        Sources = Bucket(doc.Layers.Get<SourceMention>(), m => m.Span);
        // ("the March 23 Movement": no march; an event word strictly inside the name of a named actor names the actor, not the
        // words for people that are event words themselves, "manifestants", "attackers")
        Triggers = Bucket(doc.Layers.Get<TriggerMention>().Where(t => !InsideActor(t.Span, a => !a.Generic && !a.FromContext && !a.Wielder
            && a.Span.Length > t.Span.Length)).ToList(), m => m.Span);
        Modalities = Bucket(doc.Layers.Get<ModalityMention>(), m => m.Span);
        Outcomes = Bucket(doc.Layers.Get<OutcomeMention>(), m => m.Span);
        Quotes = doc.Layers.Get<Quote>();
        AllActors = parties;
        _sources = ReadSources();
        _counts = Counts(_sources);
    }

    /// <summary>A layer as the list it is (an absent layer reads as an empty array: a new empty list then).</summary>
    private static List<T> AsList<T>(IReadOnlyList<T> layer) => layer as List<T> ?? [.. layer];

    private List<T>[] Bucket<T>(IReadOnlyList<T> layer, Func<T, TextSpan> span)
    {
        var items = AsList(layer);
        // the sentence of each item, and how many each sentence holds, so that each list is made at its size
        var sentenceOf = new int[items.Count];
        var counts = new int[Sentences.Count];
        var ordered = true;
        var previous = 0;
        for (var i = 0; i < items.Count; i++)
        {
            var start = span(items[i]).Start;
            if (i > 0 && previous >= start) ordered = false;
            previous = start;
            var s = sentenceOf[i] = SentenceAt(start);
            if (s >= 0) counts[s]++;
        }
        var b = new List<T>[Sentences.Count];
        for (var i = 0; i < b.Length; i++) b[i] = new List<T>(counts[i]);
        for (var i = 0; i < items.Count; i++)
            if (sentenceOf[i] >= 0) b[sentenceOf[i]].Add(items[i]);
        // (a layer in text order, as the finders make them, leaves every list in order: a sort would change nothing)
        if (!ordered)
            foreach (var l in b) l.Sort((x, y) => span(x).Start.CompareTo(span(y).Start));
        return b;
    }

    /// <summary>Index of the sentence containing <paramref name="offset"/> (or the next one), -1 past the end.</summary>
    public int SentenceAt(int offset)
    {
        int lo = 0, hi = Sentences.Count - 1, ans = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            if (Sentences[mid].Span.End > offset) { ans = mid; hi = mid - 1; }
            else lo = mid + 1;
        }
        return ans;
    }

    /// <summary>Index of the first token ending after <paramref name="offset"/>.</summary>
    public int TokenAt(int offset) => Vigie.Text.Tokens.IndexAt(Tokens, offset);

    /// <summary>Index of the last token starting before <paramref name="end"/>.</summary>
    public int LastTokenBefore(int end) => TokenAt(end - 1) is var t && t < Tokens.Count && Tokens[t].Start < end ? t : t - 1;

    private long[]? _kinds;

    /// <summary>True when sentence <paramref name="s"/> holds a cue of <paramref name="kind"/> (computed once per document).</summary>
    public bool Has(int s, CueKind kind)
    {
        if (_kinds == null)
        {
            var k = new long[Sentences.Count];
            for (var i = 0; i < k.Length; i++) k[i] = Cues.KindsIn(Tokens, Sentences[i].FirstToken, Sentences[i].EndToken);
            _kinds = k;
        }
        return (_kinds[s] & (1L << (int)kind)) != 0;
    }

    private bool[]? _caption;

    /// <summary>Sentences past which a paragraph holding a caption cue is prose with a credit, not a caption.</summary>
    private const int CaptionSentences = 3;

    /// <summary>
    /// True when the sentence is in a photo caption: its line holds a caption cue ("©AFP", "(AP Photo/…)"). A paragraph of more
    /// than <see cref="CaptionSentences"/> sentences is an article's prose run into one line with its credit ("… entraînant les 4,5
    /// millions d'habitants dans une spirale de violences.(©AFP / 03 avril 2018 17h03)"): only the sentence with the cue is the credit.
    /// </summary>
    public bool IsCaption(int s)
    {
        if (_caption == null)
        {
            var paragraphs = Sentences.Count == 0 ? 0 : Paragraph[^1] + 1;
            var c = new bool[paragraphs];
            var size = new int[paragraphs];
            var own = new bool[Sentences.Count];
            var texts = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < Sentences.Count; i++) size[Paragraph[i]]++;
            for (var i = 0; i < Sentences.Count; i++)
                if (Has(i, CueKind.Caption))
                {
                    if (size[Paragraph[i]] <= CaptionSentences) c[Paragraph[i]] = true;
                    else own[i] = true;
                }
            for (var i = 0; i < Sentences.Count; i++)
                if (IsLinks(i)) c[Paragraph[i]] = true;
            for (var i = 0; i < Sentences.Count; i++)
                if (c[Paragraph[i]]) texts.Add(Squash(Sentences[i].Span.Of(Text)));
            // the same caption printed twice, once without its credit
            if (texts.Count > 0)
                for (var i = 0; i < Sentences.Count; i++)
                    if (!c[Paragraph[i]] && texts.Contains(Squash(Sentences[i].Span.Of(Text)))) c[Paragraph[i]] = true;
            var caption = new bool[Sentences.Count];
            for (var i = 0; i < Sentences.Count; i++) caption[i] = c[Paragraph[i]] || own[i];
            _caption = caption;
        }
        return _caption[s];
    }

    private bool[]? _linksParagraph;

    /// <summary>
    /// The sentence is in a paragraph of links to other articles: one that opens with a related-links cue ("→ À LIRE AUSSI : …",
    /// "ALSO READ"), and the headlines listed after it (paragraphs that end without a full stop). Also a caption (<see cref="IsCaption"/>).
    /// </summary>
    public bool IsLinks(int s)
    {
        if (_linksParagraph == null)
        {
            var c = new bool[Sentences.Count == 0 ? 0 : Paragraph[^1] + 1];
            var links = false;
            for (var i = 0; i < Sentences.Count; i++)
            {
                if (i > 0 && Paragraph[i] == Paragraph[i - 1]) continue;
                if (OpensLinks(i)) links = c[Paragraph[i]] = true;
                else if (links && !EndsAsProse(LastOfParagraph(i))) c[Paragraph[i]] = true;
                else links = false;
            }
            _linksParagraph = c;
        }
        return _linksParagraph[Paragraph[s]];
    }

    /// <summary>A related-links cue as the sentence's first word, or second after a mark ("→", "-", "•").</summary>
    private bool OpensLinks(int s)
    {
        var first = Sentences[s].FirstToken;
        var end = Sentences[s].EndToken;
        if (first < end && Tokens[first].Kind != TokenKind.Word) first++;
        return first < end && Cues.Match(Tokens, first, end, CueKind.Related) != null || IsDurationLine(s);
    }

    /// <summary>A paragraph that is only a video's running time ("01:15"): a web page's list of videos, each with its headline, starts.</summary>
    private bool IsDurationLine(int s)
    {
        var t = Sentences[s].Span.Of(Text).AsSpan().Trim();
        if (t.Length is < 4 or > 8) return false;
        var colon = t.IndexOf(':');
        if (colon is < 1 or > 2) return false;
        foreach (var ch in t)
            if (!char.IsDigit(ch) && ch != ':') return false;
        return t.Length - colon - 1 == 2 || t.Length - colon - 1 == 5 && t[colon + 3] == ':';
    }

    private int LastOfParagraph(int s)
    {
        while (s + 1 < Sentences.Count && Paragraph[s + 1] == Paragraph[s]) s++;
        return s;
    }

    /// <summary>The sentence ends with a full stop, a question or exclamation mark or a closing quote, as prose does (a headline does not).</summary>
    internal bool EndsAsProse(int s)
    {
        var t = Sentences[s].Span.Of(Text).TrimEnd();
        return t.Length > 0 && t[^1] is '.' or '!' or '?' or '»' or '"' or '”' or '…' or ')';
    }

    private static string Squash(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>A heading in title case ("Three Soldiers Killed In Separatist East"): its capitals do not make names.</summary>
    public bool IsTitleCase(int s)
    {
        int words = 0, caps = 0;
        var sent = Sentences[s];
        for (var i = sent.FirstToken; i < sent.EndToken; i++)
        {
            var t = Tokens[i];
            // (three-letter words count: "Airstrikes hit Kharkiv on Tuesday." is a sentence, "Airstrikes Hit Kharkiv" a heading)
            if (t.Kind != TokenKind.Word || t.Span.Length < 3) continue;
            words++;
            if (char.IsUpper(Text[t.Start])) caps++;
        }
        return words >= 3 && caps * 10 >= words * 8;
    }

    /// <summary>The quote that contains <paramref name="span"/>, if any.</summary>
    public Quote? QuoteAround(TextSpan span)
    {
        foreach (var q in Quotes) if (q.Span.Contains(span)) return q;
        return null;
    }

    /// <summary>The publication day, or the first day of the published month/year.</summary>
    public PartialDate? PublicationDate =>
        Result.PublicationDay is { } d ? PartialDate.OfDay(d) : Result.DateResolved?.Date ?? Doc.Published;
}
