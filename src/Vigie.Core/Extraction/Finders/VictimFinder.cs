using Vigie.Model;
using Vigie.Pipeline;
using Vigie.Text;

namespace Vigie.Extraction.Finders;

/// <summary>
/// Finds groups of victims a figure can count (<see cref="VictimMention"/>) from lang/&lt;code&gt;/victims.tsv:
/// "civils" → civilians, "soldats" → government_forces, "jihadistes" → non_state_armed, "Casques bleus" →
/// foreign_forces, "personnes" → all. For armed groups the named group is read from the actors: an actor
/// named right after the words ("combattants de Boko Haram", "jihadistes de l'EI") or the actor the same words
/// stand for in this document ("59 jihadistes" in a text about the Islamic State).
/// Requires <see cref="ActorMention"/> (from <see cref="ActorFinder"/>).
/// </summary>
public sealed class VictimFinder : IComponent
{
    public string Name => "victims";
    public IReadOnlyList<Type> Requires => [typeof(Token), typeof(Sentence), typeof(ActorMention)];
    public IReadOnlyList<Type> Assigns => [typeof(VictimMention)];

    /// <param name="Modifier">A side modifier ("progouvernementaux", "rebelles", "de l'armée") rather than a victim noun:
    /// after a victim noun it decides the side ("combattants progouvernementaux" → government_forces).</param>
    public sealed record Row(VictimGroup Group, string Rule, bool Modifier = false);

    public sealed class Lexicon
    {
        public static readonly PerLanguage<Lexicon> Cache = new(l => new Lexicon(l));

        public PhraseMatcher<Row> Words { get; } = new();
        public PhraseMatcher<Row> Modifiers { get; } = new();

        private Lexicon(string lang)
        {
            var tsv = FinderData.Load(lang, "victims.tsv");
            foreach (var r in FinderData.Rows(tsv))
            {
                var modifier = r.Get("kind") == "modifier";
                var row = new Row(FinderData.ParseEnum<VictimGroup>(tsv!, r, "group"), FinderData.RuleOf(tsv!, r), modifier);
                foreach (var f in FinderData.Forms(r["forms"])) (modifier ? Modifiers : Words).Add(f, row);
            }
        }
    }

    public void Process(Document doc) =>
        doc.Layers.Set(Find(doc.Text, Tokens.AsList(doc.Layers.Get<Token>()), doc.Layers.Get<Sentence>(), doc.Layers.Get<ActorMention>(), FinderData.LangOf(doc)));

    public static List<VictimMention> Find(string text, List<Token> tokens, IReadOnlyList<Sentence> sentences, IReadOnlyList<ActorMention> actors, string lang)
    {
        var lex = Lexicon.Cache.For(lang);
        var places = PlaceFinder.Lexicon.Cache.For(lang);
        var fw = FunctionWords.Lexicon.For(lang);
        var named = ActorFinder.Lexicon.Cache.For(lang).Named;
        var countries = Countries.Lexicon.For(lang);
        var triggers = TriggerFinder.Lexicon.Cache.For(lang).Triggers;
        var result = new List<VictimMention>();
        // each sentence reads only its own actors: linear time on long documents
        var actorsBySentence = SentenceBuckets.Of(actors, a => a.Span, sentences);
        for (var si = 0; si < sentences.Count; si++)
        {
            var s = sentences[si];
            foreach (var (start, len, row) in lex.Words.FindAll(tokens, s.FirstToken, s.EndToken, text))
            {
                // "un camp militaire", "la base militaire": a forces word right after a site noun is its adjective, not victims
                if (row.Group is VictimGroup.GovernmentForces or VictimGroup.ForeignForces && start > s.FirstToken
                    && places.Feature.Match(tokens, start - 1, start, out _, out _)) continue;
                // "a terrorist assault", "une attaque jihadiste": a victim noun that qualifies an event word is its adjective, not victims
                if (QualifiesEventWord(text, tokens, start, len, s, triggers, lang)) continue;
                var span = new TextSpan(tokens[start].Start, tokens[start + len - 1].End);
                string? group = null;
                // the side a modifier gives: "combattants progouvernementaux", "membres des forces de sécurité",
                // "soldats de l'armée éthiopienne", "forces du Tigré", "fighters of the Islamic State"
                var side = SideOf(text, tokens, start + len, s.EndToken, lex, fw, actorsBySentence[si], out var sideEnd, out var sideGroup);
                if (side is { } sg && sg != row.Group && !(sg == VictimGroup.GovernmentForces && row.Group == VictimGroup.ForeignForces))
                {
                    span = new TextSpan(span.Start, tokens[sideEnd - 1].End);
                    result.Add(new VictimMention(span, sg) { NamedGroup = sideGroup, Rule = row.Rule });
                    continue;
                }
                if (row.Group == VictimGroup.NonStateArmed)
                {
                    // "combattants de Boko Haram", "jihadistes de l'EI", "membres du groupe armé ADF"
                    var k = start + len;
                    if (k < s.EndToken && fw.IsOf(tokens[k].Folded))
                    {
                        k++;
                        if (k < s.EndToken && fw.IsDeterminer(tokens[k].Folded)) k++;
                        var at = k < s.EndToken ? tokens[k].Start : -1;
                        foreach (var a in actorsBySentence[si])
                            if (a.Span.Start == at && IsArmedGroup(a)) { group = a.Name; span = TextSpan.Cover(span, a.Span); break; }
                    }
                    if (group == null)
                        foreach (var a in actorsBySentence[si])
                            if (a.Span.Overlaps(span) && IsArmedGroup(a) && (a.FromContext || IsNamed(a, tokens, start, s.EndToken, named))) { group = a.Name; break; }
                }
                string? country = null;
                if (row.Group == VictimGroup.GovernmentForces)
                {
                    // "soldats israéliens", "Israeli soldiers": the forces' country, to tell forces abroad
                    if (countries.At(tokens, start + len, s.EndToken, out var ca, out _, text) && ca.Demonym) country = ca.Iso2;
                    else
                        for (var b = Math.Max(s.FirstToken, start - 2); b < start && country == null; b++)
                            if (countries.At(tokens, b, start, out var cb, out var cbl, text) && cb.Demonym && b + cbl == start) country = cb.Iso2;
                }
                result.Add(new VictimMention(span, row.Group) { NamedGroup = group, Country = country, Rule = row.Rule });
            }
        }
        return result;
    }

    /// <summary>
    /// True when the one-word victim noun at <paramref name="start"/> qualifies an event word of violence: before it in English
    /// when singular ("a terrorist assault", "a militant attack"), right after it in French ("une attaque terroriste",
    /// "l'embuscade jihadiste"). A plural before an event word is its subject ("militants attacked", "soldiers ambushed").
    /// </summary>
    private static bool QualifiesEventWord(string text, List<Token> tokens, int start, int len, Sentence s, PhraseMatcher<TriggerFinder.Row> triggers, string lang)
    {
        if (len != 1) return false;
        static bool Violent(TriggerFinder.Row r) => !r.NotEvent && Taxonomy.TypeOf(r.Subtype) is not (EventType.Protests or EventType.StrategicDevelopments);
        if (Vigie.Lexicons.Languages.For(lang).Option("noun_modifier_first"))
        {
            var w = tokens[start].Folded;
            return !w.EndsWith('s') && start + 1 < s.EndToken && triggers.Match(tokens, start + 1, s.EndToken, out _, out var next, text) && Violent(next);
        }
        for (var b = Math.Max(s.FirstToken, start - 2); b < start; b++)
            if (triggers.Match(tokens, b, start, out var l, out var before, text) && b + l == start && Violent(before)) return true;
        return false;
    }

    /// <summary>The group a side modifier right after a victim noun gives, if any (with the end token of the modifier).</summary>
    private static VictimGroup? SideOf(string text, List<Token> tokens, int k, int end, Lexicon lex, FunctionWords fw,
        IReadOnlyList<ActorMention> actors, out int sideEnd, out string? named)
    {
        sideEnd = k; named = null;
        if (k >= end) return null;
        if (lex.Modifiers.Match(tokens, k, end, out var ml, out var mrow, text)) { sideEnd = k + ml; return mrow.Group; }
        if (!fw.IsOf(tokens[k].Folded)) return null;
        var j = k + 1;
        while (j < end && fw.IsDeterminer(tokens[j].Folded)) j++;
        if (j >= end) return null;
        if (lex.Modifiers.Match(tokens, j, end, out ml, out mrow, text)) { sideEnd = j + ml; return mrow.Group; }
        // ("members of the pro-Iranian armed groups of …": an alignment adjective before the body's words)
        if (j + 1 < end && IsAlignment(tokens[j].Folded) && !actors.Any(a => a.Span.Start == tokens[j].Start)) j++;
        foreach (var a in actors)
        {
            if (a.Span.Start != tokens[j].Start) continue;
            var last = j;
            while (last + 1 < end && tokens[last + 1].Start < a.Span.End) last++;
            // "membres des groupes armés pro-iraniens du Hachd al-Chaabi": the body named after the words for it, past an alignment
            // adjective ("pro-…", "anti-…"), is whose people they are
            var after = last + 1;
            while (after < end && after - last <= 2 && tokens[after].Kind == TokenKind.Word && IsAlignment(tokens[after].Folded)) after++;
            if (after < end && fw.IsOf(tokens[after].Folded) && SideOf(text, tokens, after, end, lex, fw, actors, out var innerEnd, out var innerNamed) is { } inner)
            {
                (sideEnd, named) = (innerEnd, innerNamed);
                return inner;
            }
            sideEnd = last + 1;
            var group = GroupOf(a.Kind);
            if (group == VictimGroup.NonStateArmed) named = a.Name;
            return group;
        }
        // "membres des forces de sécurité": the noun after "de" says the group
        if (lex.Words.Match(tokens, j, end, out var wl, out var wrow, text) && wrow.Group != VictimGroup.All) { sideEnd = j + wl; return wrow.Group; }
        return null;
    }

    /// <summary>A word of political alignment made with a hyphen: "pro-iraniens", "anti-balaka", "pro-government".</summary>
    private static bool IsAlignment(string folded) =>
        folded.Length > 4 && (folded.StartsWith("pro-", StringComparison.Ordinal) || folded.StartsWith("anti-", StringComparison.Ordinal));

    /// <summary>The victim group an armed actor's people belong to: the state's forces, forces abroad, a non-state armed group;
    /// null for civilians, protesters and rioters.</summary>
    internal static VictimGroup? GroupOf(ActorKind kind) => kind switch
    {
        ActorKind.StateForces => VictimGroup.GovernmentForces,
        ActorKind.ExternalForces => VictimGroup.ForeignForces,
        ActorKind.RebelGroup or ActorKind.PoliticalMilitia or ActorKind.IdentityMilitia => VictimGroup.NonStateArmed,
        _ => null,
    };

    private static bool IsArmedGroup(ActorMention a) => a.Kind is ActorKind.RebelGroup or ActorKind.PoliticalMilitia or ActorKind.IdentityMilitia;

    private static bool IsNamed(ActorMention a, List<Token> tokens, int start, int end, PhraseMatcher<ActorFinder.Row> named)
    {
        for (var i = start; i < end && tokens[i].Start < a.Span.End; i++)
            if (tokens[i].Start >= a.Span.Start && named.Match(tokens, i, end, out _, out var row) && row.Name == a.Name) return true;
        return false;
    }
}
