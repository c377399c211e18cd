using Vigie.Model;
using Vigie.Pipeline;
using Vigie.Text;

namespace Vigie.Extraction.Finders;

/// <summary>
/// Finds hedging, denial and negation cues (<see cref="ModalityMention"/>) with lang/&lt;code&gt;/modality.tsv:
/// "aurait", "selon des informations non confirmées" → claimed; "a démenti", "a nié" → denied;
/// "menace de", "prévoit" → planned; "pourrait" → hypothetical; "aucune attaque", "no attack" → denied with
/// <see cref="ModalityMention.Negation"/>. Rows whose modality is <c>asserted</c> only stop a shorter cue inside
/// them ("a revendiqué", "claimed responsibility" is not a hedge). Which event a cue covers, and whether a
/// claim comes from one party only, is the assembly's decision.
/// </summary>
public sealed class ModalityFinder : IComponent
{
    public string Name => "modality";
    public IReadOnlyList<Type> Requires => [typeof(Token), typeof(Sentence)];
    public IReadOnlyList<Type> Assigns => [typeof(ModalityMention)];

    /// <param name="Unreal">the row's flag <c>unreal</c>: what the clause after it tells did not happen ("de peur que", "for fear that").</param>
    public sealed record Row(Modality Modality, bool Negation, string Rule, bool Unreal = false);

    public sealed class Lexicon
    {
        public static readonly PerLanguage<Lexicon> Cache = new(l => new Lexicon(l));

        public PhraseMatcher<Row> Cues { get; } = new();

        private Lexicon(string lang)
        {
            var tsv = FinderData.Load(lang, "modality.tsv");
            foreach (var r in FinderData.Rows(tsv))
            {
                var flags = r.Get("flags");
                if (flags is not (null or "negation" or "unreal")) throw new FormatException($"{tsv!.Path}:{r.Line}: unknown flag '{flags}' (negation, unreal)");
                var row = new Row(FinderData.ParseEnum<Modality>(tsv!, r, "modality"), flags == "negation", FinderData.RuleOf(tsv!, r), flags == "unreal");
                foreach (var f in FinderData.Forms(r["forms"])) Cues.Add(f, row);
            }
        }
    }

    public void Process(Document doc) =>
        doc.Layers.Set(Find(doc.Text, Tokens.AsList(doc.Layers.Get<Token>()), doc.Layers.Get<Sentence>(), FinderData.LangOf(doc)));

    public static List<ModalityMention> Find(string text, List<Token> tokens, IReadOnlyList<Sentence> sentences, string lang)
    {
        var lex = Lexicon.Cache.For(lang);
        var result = new List<ModalityMention>();
        foreach (var s in sentences)
            foreach (var (st, l, row) in lex.Cues.FindAll(tokens, s.FirstToken, s.EndToken, text))
                if (row.Modality != Modality.Asserted)
                    result.Add(new ModalityMention(new TextSpan(tokens[st].Start, tokens[st + l - 1].End), row.Modality) { Negation = row.Negation, Unreal = row.Unreal, Rule = row.Rule });
        return result;
    }
}
