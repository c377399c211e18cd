using Vigie.Geo;
using Vigie.Lexicons;

namespace Vigie.Tests.Geo;

public class NameKeyTests
{
    public static TheoryData<string, string, bool, int> Pairs()
    {
        var data = new TheoryData<string, string, bool, int>();
        foreach (var row in Tsv.Load(GeoTestData.Corpus("fr", "place-names.tsv")).Rows)
            data.Add(row["a"], row["b"], row["same"] == "yes", row.Line);
        return data;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Of_SpellingPairsFromCorpus_ShareKeyExactlyWhenSamePlace(string a, string b, bool same, int line)
    {
        var ka = NameKey.Default.Of(a);
        var kb = NameKey.Default.Of(b);
        Assert.True(ka.Length > 0, $"place-names.tsv:{line}: empty key for '{a}'");
        Assert.True(same == (ka == kb), $"place-names.tsv:{line}: '{a}' → '{ka}', '{b}' → '{kb}', expected same={same}");
    }

    [Theory]
    [InlineData("")]
    [InlineData(" - ' , ")]
    public void Of_NoLetters_IsEmpty(string name) => Assert.Equal("", NameKey.Default.Of(name));

    [Fact]
    public void Write_VeryLongName_IsCutAtMaxLength()
    {
        var key = NameKey.Default.Of(string.Concat(Enumerable.Repeat("abcdefgh ", 60)));
        Assert.Equal(NameKey.MaxLength, key.Length);
    }

    [Fact]
    public void FromTsv_UnknownKind_NamesFileAndLine()
    {
        var tsv = Tsv.Parse(new StringReader("kind\tfrom\tto\tat\tcomment\nrewrite\tou\tu\t\t\nswap\tq\tk\t\t\n"), "rules.tsv");
        var e = Assert.Throws<FormatException>(() => NameKey.FromTsv(tsv, "x"));
        Assert.Contains("rules.tsv:3", e.Message);
    }
}
