using Vigie.Lexicons;
using Vigie.Model;
using Vigie.Pipeline;

namespace Vigie.Text.Analysis;

/// <summary>
/// Guesses the language from function words (the <c>guess</c> words of each pack's language.tsv) when the
/// input did not say: the pack with the most wins, the default pack on a tie.
/// </summary>
public sealed class LanguageGuesser : IComponent
{
    public string Name => "language";
    public IReadOnlyList<Type> Requires => [typeof(Token)];
    public IReadOnlyList<Type> Assigns => [];


    public void Process(Document doc)
    {
        if (!string.IsNullOrEmpty(doc.Language)) return;
        doc.Language = Guess(doc.Layers.Get<Token>());
    }

    public static string Guess(IReadOnlyList<Token> tokens)
    {
        var langs = Languages.All;
        var counts = new int[langs.Count];
        var infos = langs.Select(Languages.For).ToArray();
        foreach (var t in tokens)
        {
            if (t.Kind != TokenKind.Word) continue;
            for (var i = 0; i < infos.Length; i++)
                if (infos[i].Is("guess", t.Folded)) counts[i]++;
        }
        // the default pack comes first in Languages.All: it wins ties
        var best = 0;
        for (var i = 1; i < counts.Length; i++)
            if (counts[i] > counts[best]) best = i;
        return langs.Count == 0 ? Languages.Default : langs[best];
    }
}
