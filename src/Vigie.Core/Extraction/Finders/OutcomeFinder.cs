using Vigie.Model;
using Vigie.Pipeline;
using Vigie.Text;

namespace Vigie.Extraction.Finders;

/// <summary>
/// Finds casualty outcome words (<see cref="OutcomeMention"/>) with lang/&lt;code&gt;/outcomes.tsv: nouns that count
/// ("37 morts", "une soixantaine de blessés", "2.750 réfugiés", "17 cadavres") and verbs or participles
/// ("ont été tués", "were killed", "portés disparus", "pris en otage"). Pairing them with numbers is the assembly's job.
/// </summary>
public sealed class OutcomeFinder : IComponent
{
    public string Name => "outcomes";
    public IReadOnlyList<Type> Requires => [typeof(Token), typeof(Sentence)];
    public IReadOnlyList<Type> Assigns => [typeof(OutcomeMention)];

    public sealed record Row(Outcome Outcome, bool Noun, string Rule);

    public sealed class Lexicon
    {
        public static readonly PerLanguage<Lexicon> Cache = new(l => new Lexicon(l));

        public PhraseMatcher<Row> Words { get; } = new();

        private Lexicon(string lang)
        {
            var tsv = FinderData.Load(lang, "outcomes.tsv");
            foreach (var r in FinderData.Rows(tsv))
            {
                var pos = r["pos"];
                if (pos is not ("noun" or "verb")) throw new FormatException($"{tsv!.Path}:{r.Line}: pos must be noun or verb, not '{pos}'");
                var row = new Row(FinderData.ParseEnum<Outcome>(tsv!, r, "outcome"), pos == "noun", FinderData.RuleOf(tsv!, r));
                foreach (var f in FinderData.Forms(r["forms"])) Words.Add(f, row);
            }
        }
    }

    public void Process(Document doc) =>
        doc.Layers.Set(Find(doc.Text, Tokens.AsList(doc.Layers.Get<Token>()), doc.Layers.Get<Sentence>(), FinderData.LangOf(doc)));

    public static List<OutcomeMention> Find(string text, List<Token> tokens, IReadOnlyList<Sentence> sentences, string lang)
    {
        var lex = Lexicon.Cache.For(lang);
        var result = new List<OutcomeMention>();
        foreach (var s in sentences)
            foreach (var (st, l, row) in lex.Words.FindAll(tokens, s.FirstToken, s.EndToken, text))
                result.Add(new OutcomeMention(new TextSpan(tokens[st].Start, tokens[st + l - 1].End), row.Outcome) { Noun = row.Noun, Rule = row.Rule });
        return result;
    }
}
