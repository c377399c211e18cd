using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vigie.Model;
using Vigie.Text.Analysis;
using Vigie.Text;

namespace Vigie.Tests.Fuzz;

/// <summary>
/// Found by the input fuzz: quote finding took time quadratic in the length of a paragraph full
/// of quote marks (80,000 '"' on one line: 0.65 s). The linear version must find exactly the
/// quotes the straightforward definition finds: from an opening mark to the next closing mark
/// of its kind in the same paragraph.
/// </summary>
public class QuoteRegressionTests
{
    public static class QuoteTexts
    {
        public static Arbitrary<string> Texts() =>
            Arb.From(Gen.ListOf(Gen.Elements("«", "»", "“", "”", "\"", "\n", "a", " ", "mot", "\r\n")).Select(parts => string.Concat(parts)));
    }

    [Property(Arbitrary = [typeof(QuoteTexts)], MaxTest = 500)]
    public void FindQuotes_AnyText_SameQuotesAsTheDefinition(string text)
    {
        Assert.Equal(Reference(text), Tokenizer.FindQuotes(text).Select(q => q.Span).ToList());
    }

    [Theory]
    [InlineData("« a » b « c", "[0, 5)")]
    [InlineData("\"a\" \"b\"", "[0, 3)|[4, 7)")]
    [InlineData("« a\n» b", "")]
    [InlineData("“ « ” »", "[0, 5)")]
    [InlineData("\"\"\"\"\"", "[0, 2)|[2, 4)")]
    public void FindQuotes_Examples_Spans(string text, string expected)
    {
        Assert.Equal(expected, string.Join("|", Tokenizer.FindQuotes(text).Select(q => q.Span.ToString())));
    }

    private static List<TextSpan> Reference(string text)
    {
        var spans = new List<TextSpan>();
        var i = 0;
        while (i < text.Length)
        {
            var close = text[i] switch { '«' => '»', '“' => '”', '"' => '"', _ => '\0' };
            if (close == '\0') { i++; continue; }
            var j = text.IndexOf(close, i + 1);
            var para = text.IndexOf('\n', i + 1);
            if (j < 0 || (para >= 0 && para < j)) { i++; continue; }
            spans.Add(new TextSpan(i, j + 1));
            i = j + 1;
        }
        return spans;
    }
}
