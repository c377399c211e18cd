using Vigie.Extraction.Assembly;
using Vigie.Model;
using Vigie.Text.Analysis;
using Vigie.Text;

namespace Vigie.Tests.Assembly;

/// <summary>Builds a tokenized document and its mention layers by hand, then runs the assemblers on it.</summary>
public sealed class Layers
{
    public Document Doc { get; }
    private readonly List<NumberMention> _numbers = [];
    private readonly List<TimeMention> _times = [];
    private readonly List<PlaceMention> _places = [];
    private readonly List<ActorMention> _actors = [];
    private readonly List<VictimMention> _victims = [];
    private readonly List<SourceMention> _sources = [];
    private readonly List<TriggerMention> _triggers = [];
    private readonly List<ModalityMention> _modalities = [];
    private readonly List<OutcomeMention> _outcomes = [];

    public Layers(string text, string lang = "fr", string? published = null)
    {
        Doc = new Document("test", text) { Language = lang };
        new Tokenizer().Process(Doc);
        if (published != null)
        {
            var p = PartialDate.Parse(published);
            Doc.Published = p;
            if (p.Precision == DatePrecision.Day) ExtractionResult.For(Doc).PublicationDay = p.First;
        }
    }

    public TextSpan Find(string s, int nth = 0)
    {
        var at = -1;
        for (var i = 0; i <= nth; i++)
        {
            at = Doc.Text.IndexOf(s, at + 1, StringComparison.Ordinal);
            if (at < 0) throw new ArgumentException($"'{s}' (#{nth}) is not in the text");
        }
        return new TextSpan(at, at + s.Length);
    }

    /// <summary>A number; <paramref name="bound"/> is the bound phrase right before it ("au moins").</summary>
    public Layers Number(string s, long value, Bound b = Bound.Exact, string? bound = null, int nth = 0, bool vague = false)
    {
        var span = Find(s, nth);
        TextSpan? bs = null;
        if (bound != null)
        {
            var at = Doc.Text.LastIndexOf(bound, span.Start, StringComparison.Ordinal);
            bs = new TextSpan(at, at + bound.Length);
        }
        _numbers.Add(new NumberMention(span, value, b) { BoundSpan = bs, Vague = vague });
        return this;
    }

    public Layers Time(string s, TimeKind kind, string start, string? end = null, bool background = false, int nth = 0)
    {
        _times.Add(new TimeMention(Find(s, nth), kind)
        {
            Range = new DateRange(PartialDate.Parse(start), PartialDate.Parse(end ?? start)), Background = background,
        });
        return this;
    }

    public Layers Place(string s, PlaceRelation rel = PlaceRelation.In, double? lat = null, double? lon = null, string? country = null, int precision = 1, int nth = 0)
    {
        var span = Find(s, nth);
        _places.Add(new PlaceMention(span, s, rel)
        {
            Full = span,
            Resolved = lat == null && country == null ? null : new Location { Name = s, Lat = lat, Lon = lon, Country = country, Precision = precision },
        });
        return this;
    }

    public Layers Actor(string s, string name, ActorKind kind, string? country = null, int nth = 0)
    {
        _actors.Add(new ActorMention(Find(s, nth), name, kind) { Country = country });
        return this;
    }

    public Layers Victim(string s, VictimGroup g, string? named = null, int nth = 0)
    {
        _victims.Add(new VictimMention(Find(s, nth), g) { NamedGroup = named });
        return this;
    }

    public Layers Source(string s, string name, bool partisan = false, int nth = 0)
    {
        var span = Find(s, nth);
        _sources.Add(new SourceMention(span, name) { Full = span, Partisan = partisan });
        return this;
    }

    public Layers Trigger(string s, EventSubtype subtype, int nth = 0)
    {
        _triggers.Add(new TriggerMention(Find(s, nth), subtype));
        return this;
    }

    public Layers Modality(string s, Modality m, int nth = 0)
    {
        _modalities.Add(new ModalityMention(Find(s, nth), m));
        return this;
    }

    public Layers Outcome(string s, Outcome o, bool noun = false, int nth = 0)
    {
        _outcomes.Add(new OutcomeMention(Find(s, nth), o) { Noun = noun });
        return this;
    }

    public ExtractionResult Run()
    {
        Doc.Layers.Set(_numbers);
        Doc.Layers.Set(_times);
        Doc.Layers.Set(_places);
        Doc.Layers.Set(_actors);
        Doc.Layers.Set(_victims);
        Doc.Layers.Set(_sources);
        Doc.Layers.Set(_triggers);
        Doc.Layers.Set(_modalities);
        if (_outcomes.Count > 0) Doc.Layers.Set(_outcomes);
        new CasualtyAssembler().Process(Doc);
        new EventAssembler().Process(Doc);
        return ExtractionResult.For(Doc);
    }

    public static IReadOnlyList<(Figure Figure, CasualtyReport Report)> Figures(ExtractionResult r) =>
        r.CasualtyReports.SelectMany(rep => rep.Figures.Select(f => (f, rep))).ToList();
}
