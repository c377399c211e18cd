using Vigie.Model;
using Vigie.Pipeline;

namespace Vigie.Text;

/// <summary>Guesses French or English from function words when the input did not say.</summary>
public sealed class LanguageGuesser : IComponent
{
    public string Name => "language";
    public IReadOnlyList<Type> Requires => [typeof(Token)];
    public IReadOnlyList<Type> Assigns => [];

    private static readonly HashSet<string> French = ["le", "la", "les", "des", "du", "de", "et", "est", "une", "dans", "pour", "par", "sur", "au", "aux", "qui", "a", "ont", "selon", "été", "l'", "d'", "qu'", "ete", "ce", "cette", "avec", "son", "sont"];
    private static readonly HashSet<string> English = ["the", "of", "and", "in", "to", "was", "were", "is", "are", "by", "on", "at", "with", "that", "said", "from", "for", "has", "have", "it", "an", "this", "which"];

    public void Process(Document doc)
    {
        if (!string.IsNullOrEmpty(doc.Language)) return;
        doc.Language = Guess(doc.Layers.Get<Token>());
    }

    public static string Guess(IReadOnlyList<Token> tokens)
    {
        int fr = 0, en = 0;
        foreach (var t in tokens)
        {
            if (t.Kind != TokenKind.Word) continue;
            if (French.Contains(t.Folded)) fr++;
            if (English.Contains(t.Folded)) en++;
        }
        return en > fr ? "en" : "fr";
    }
}
