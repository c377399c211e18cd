using System.Text.Json;
using Vigie.Errors;
using Vigie.Model;
using Vigie.Readers;

namespace Vigie.Tests.Readers;

public class FormatReaderTests
{
    [Fact]
    public void SeedLineReader_SeedFile_TextEqualsGoldTextExactly()
    {
        var path = SharedPaths.Seed("afp-fr-2018-04-damas.txt");
        var doc = Assert.Single(Read.All(path).Documents());
        using var gold = JsonDocument.Parse(File.ReadLines(SharedPaths.Gold("seed.jsonl")).First());
        Assert.Equal(gold.RootElement.GetProperty("text").GetString(), doc.Text);
        Assert.Equal("afp-fr-2018-04-damas", doc.Id);
        Assert.Equal(PartialDate.OfMonth(2018, 4), doc.Published);
        // evidence offsets of the gold point at the same characters in the text read
        foreach (var ev in gold.RootElement.GetProperty("events").EnumerateArray())
            foreach (var span in ev.GetProperty("evidence").EnumerateArray())
                Assert.True(span[1].GetInt32() <= doc.Text.Length);
    }

    [Fact]
    public void SeedLineReader_OneDocumentPerLine_IdsCarryLineNumbers()
    {
        const string text = " date 2018-04 Premier texte.\ndate 2019-05-06 Deuxième texte.\n\n date 2020 Troisième,\nsur deux lignes.\n";
        var docs = Read.Text("fil.txt", text).Documents().ToList();
        Assert.Equal(["fil#1", "fil#2", "fil#4"], docs.Select(d => d.Id));
        Assert.Equal(["2018-04", "2019-05-06", "2020"], docs.Select(d => d.Published.ToString()));
        Assert.Equal("Troisième,\nsur deux lignes.", docs[2].Text);
        Assert.Equal(4, docs[2].Origin.Line);
    }

    [Fact]
    public void SeedLineReader_BadDateOnOneLine_ThatDocumentRejectedOthersRead()
    {
        var items = Read.Text("fil.txt", " date 2018-04 Un.\n date 2018-13 Deux.\n date 2018-02-30 Trois.\n date 2018-05-01 Quatre.\n");
        var errors = items.Errors().ToList();
        Assert.Equal([2, 3], errors.Select(e => e.Origin.Line));
        Assert.All(errors, e => Assert.StartsWith(ErrorCatalogue.BadDate.Code, e.Message));
        Assert.Equal(["Un.", "Quatre."], items.Documents().Select(d => d.Text));
    }

    [Theory]
    [InlineData(" date 2018-04 texte", 14, "2018-04")]
    [InlineData("date 2018-04-27 texte", 16, "2018-04-27")]
    [InlineData("date 2018 texte", 10, "2018")]
    [InlineData(" date 2018-13 texte", 14, "2018-13")]
    [InlineData("date de publication inconnue", 0, "")]
    [InlineData("  date 2018-04 texte", 0, "")]
    [InlineData("Le date 2018 texte", 0, "")]
    [InlineData("date 2018-04texte", 0, "")]
    public void PrefixLength_Lines_FindsDatePrefix(string line, int expectedLength, string expectedToken)
    {
        Assert.Equal(expectedLength, SeedLineReader.PrefixLength(line, out var token));
        Assert.Equal(expectedToken, token.ToString());
    }

    [Fact]
    public void PlainText_DateHeaderLines_GiveDateTitleAndBody()
    {
        var item = Assert.Single(Read.Text("note.txt", "date: 2021-06-14\ntitle: Attaque à Solhan\nsource: AFP\n\nDes hommes armés ont attaqué le village.\n"));
        var doc = item.Document!;
        Assert.Null(item.Problem);
        Assert.Equal("2021-06-14", doc.Published.ToString());
        Assert.Equal("Attaque à Solhan", doc.Title);
        Assert.Equal("AFP", doc.SourceOutlet);
        Assert.Equal("Des hommes armés ont attaqué le village.", doc.Text);
        Assert.Equal(5, doc.Origin.Line);
    }

    [Theory]
    [InlineData("depeche-2019-11-02.txt", "Texte.", null, "2019-11-02")]
    [InlineData("20191102_gao.txt", "Texte.", null, "2019-11-02")]
    [InlineData("bulletin-2019-11.txt", "Texte.", null, "2019-11")]
    [InlineData("bulletin-2019-11.txt", "date: 2018-01-05\nTexte.", null, "2018-01-05")]
    [InlineData("bulletin-2019-11.txt", "date: 2018-01-05\nTexte.", "2017-03", "2017-03")]
    [InlineData("sans-date.txt", "Texte.", "2017-03-04", "2017-03-04")]
    public void PlainText_DateSources_InOrderOptionHeaderFileName(string name, string content, string? option, string expected)
    {
        var options = new ReaderOptions { Date = option == null ? null : PartialDate.Parse(option) };
        var doc = Assert.Single(Read.Text(name, content, options).Documents());
        Assert.Equal(expected, doc.Published.ToString());
    }

    [Fact]
    public void PlainText_NoDateAnywhere_KeptWithWarning()
    {
        var item = Assert.Single(Read.Text("article.txt", "Un texte sans date."));
        Assert.NotNull(item.Document);
        Assert.Null(item.Document!.Published);
        Assert.StartsWith(ErrorCatalogue.NoDate.Code, item.Problem!.Message);
    }

    [Fact]
    public void PlainText_BadDateHeader_RejectedAtLine1()
    {
        Read.Text("a.txt", "date: 2019-02-29\nTexte.").SingleError("a.txt", 1, ErrorCatalogue.BadDate.Code);
    }

    [Theory]
    [InlineData("2018-04-27", "2018-04-27")]
    [InlineData("2018-04-27T23:30:00-05:00", "2018-04-27")]
    [InlineData("2018-04", "2018-04")]
    [InlineData("2018", "2018")]
    [InlineData("Fri, 27 Apr 2018 10:00:00 +0200", "2018-04-27")]
    [InlineData("27 April 2018", "2018-04-27")]
    [InlineData("Sun, 01 Mar 20 08:00:00 GMT", "2020-03-01")]
    [InlineData("2018-13", null)]
    [InlineData("2018-02-30", null)]
    [InlineData("2019-02-29", null)]
    [InlineData("Tue, 30 Feb 2021 08:00:00 GMT", null)]
    [InlineData("99999999999999999999", null)]
    [InlineData("hier", null)]
    [InlineData("", null)]
    public void DateText_TryParse_IsoAndRfc822(string text, string? expected)
    {
        var ok = DateText.TryParse(text, out var date);
        Assert.Equal(expected != null, ok);
        if (ok) Assert.Equal(expected, date.ToString());
    }

    [Theory]
    [InlineData("afp-fr-2018-04-damas", "2018-04")]
    [InlineData("reuters_2019-06-10_mali", "2019-06-10")]
    [InlineData("20190610-mali", "2019-06-10")]
    [InlineData("rapport-123456789", null)]
    [InlineData("note-2019-13", null)]
    [InlineData("annexe-3", null)]
    public void DateText_TryFromFileName_FindsDate(string name, string? expected)
    {
        var ok = DateText.TryFromFileName(name, out var date);
        Assert.Equal(expected != null, ok);
        if (ok) Assert.Equal(expected, date.ToString());
    }

    [Fact]
    public void JsonLines_GoldFile_ReadsEveryDocumentWithIdDateText()
    {
        var lines = File.ReadLines(SharedPaths.Gold("dev.jsonl")).Where(l => l.Trim().Length > 0).ToList();
        var docs = Read.All(SharedPaths.Gold("dev.jsonl")).Documents().ToList();
        Assert.Equal(lines.Count, docs.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            using var gold = JsonDocument.Parse(lines[i]);
            Assert.Equal(gold.RootElement.GetProperty("id").GetString(), docs[i].Id);
            Assert.Equal(gold.RootElement.GetProperty("text").GetString(), docs[i].Text);
            Assert.Equal(gold.RootElement.GetProperty("date").GetString(), docs[i].Published.ToString());
        }
    }

    [Fact]
    public void JsonFile_ArrayOrSingleObject_OneDocumentEach()
    {
        Assert.Equal(2, Read.Text("a.json", "[{\"text\":\"Un.\",\"date\":\"2020-01-01\"}, {\"text\":\"Deux.\",\"date\":\"2020-01-02\"}]").Documents().Count());
        var one = Assert.Single(Read.Text("b.json", "{\"id\":7,\"text\":\"Un.\",\"date\":2020,\"extra\":{\"x\":[1,2]}}").Documents());
        Assert.Equal("7", one.Id);
        Assert.Equal("2020", one.Published.ToString());
    }

    [Theory]
    [InlineData("x.dat", "{\"text\":\"a\"}\n{\"text\":\"b\"}\n", "jsonl")]
    [InlineData("x.dat", "[{\"text\":\"a\"}]", "json")]
    [InlineData("x.dat", "<?xml version=\"1.0\"?><rss version=\"2.0\">", "feed")]
    [InlineData("x.dat", "<!DOCTYPE html><html><body>", "html")]
    [InlineData("x.dat", "\n date 2018-04 Texte", "seed")]
    [InlineData("x.dat", "Un texte simple.", "txt")]
    [InlineData("x.CSV", "id,text", "csv")]
    [InlineData("x.xml", "<!DOCTYPE html><html>", "html")]
    public void FormatOf_ExtensionThenContent_ChoosesReader(string name, string head, string expected)
    {
        Assert.Equal(expected, Inputs.FormatOf(name, System.Text.Encoding.UTF8.GetBytes(head)));
    }

    [Fact]
    public void Html_ArticlePage_MainTextTitleAndPublishedTime()
    {
        var html = """
            <!DOCTYPE html><html lang="fr"><head><title>Niger : attaque contre un poste | Le Quotidien</title>
            <meta property="article:published_time" content="2021-01-04T09:12:00+01:00">
            <meta property="og:url" content="https://example.org/niger/attaque-poste">
            </head><body>
            <nav><ul><li><a href="/">Accueil</a></li><li><a href="/afrique">Afrique</a></li><li><a href="/sport">Sport</a></li></ul></nav>
            <article><h1>Niger : attaque contre un poste</h1>
            <p>Des hommes armés ont attaqué samedi un poste de la garde nationale près de Tillabéri, dans l'ouest du Niger, tuant au moins sept gardes, a indiqué une source sécuritaire à la presse.</p>
            <p>Les assaillants, arrivés à moto, ont incendié deux véhicules avant de se replier vers la frontière malienne, selon la même source, qui n'a pas donné de bilan pour les assaillants.</p>
            <p>La région de Tillabéri, proche du Mali et du Burkina Faso, est régulièrement visée par des groupes jihadistes liés à l'Etat islamique au Grand Sahara.</p>
            </article>
            <footer>© Le Quotidien — Mentions légales — Contact</footer>
            </body></html>
            """;
        var doc = Assert.Single(Read.Text("page.html", html).Documents());
        Assert.Equal("2021-01-04", doc.Published.ToString());
        Assert.Contains("au moins sept gardes", doc.Text);
        Assert.DoesNotContain("Mentions légales", doc.Text);
        Assert.DoesNotContain("Sport", doc.Text);
        Assert.Equal("https://example.org/niger/attaque-poste", doc.Url);
        Assert.Equal("fr", doc.Language);
        Assert.Contains("\n\n", doc.Text);
    }

    [Fact]
    public void Feed_Atom_EntriesWithUpdatedDateAndLink()
    {
        const string atom = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
            <entry><title>Clashes near Kharkiv</title><link href="https://example.org/a"/>
            <updated>2022-05-14T18:00:00Z</updated><summary type="html">&lt;p&gt;Shelling hit two villages.&lt;/p&gt;</summary></entry>
            </feed>
            """;
        var doc = Assert.Single(Read.Text("wire.atom", atom).Documents());
        Assert.Equal("Clashes near Kharkiv\n\nShelling hit two villages.", doc.Text);
        Assert.Equal("2022-05-14", doc.Published.ToString());
        Assert.Equal("https://example.org/a", doc.Url);
        Assert.Equal("wire#3", doc.Id);
    }
}

public class StdinTests
{
    [Theory]
    [InlineData("{\"text\":\"Premier.\",\"date\":\"2020-01-01\"}\n{\"text\":\"Second.\",\"date\":\"2020-01-02\"}\n", null, "stdin#1|stdin#2")]
    [InlineData(" date 2019-05 Une dépêche au format de la base.\nSecond paragraphe.", null, "stdin")]
    [InlineData("id,text,date\nc1,Une ligne CSV.,2020-03-04\n", "csv", "c1")]
    public void Read_Dash_ReadsStandardInputBySniffingOrInputFormat(string content, string? format, string ids)
    {
        using var dir = new TempDir();
        // --input-format applies to every input: the file after "-" is in the same format then
        var file = format == "csv"
            ? dir.File("after.csv", "id,text,date\nfile,Après l'entrée standard.,2020-01-03\n")
            : dir.File("after.jsonl", "{\"id\":\"file\",\"text\":\"Après l'entrée standard.\",\"date\":\"2020-01-03\"}\n");
        var items = Inputs.Read(["-", file], new ReaderOptions { Format = format }, () => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content))).ToList();
        Assert.Empty(items.Errors());
        var docs = items.Documents().ToList();
        Assert.Equal(ids, string.Join("|", docs.Where(d => d.Origin.File == "-").Select(d => d.Id)));
        Assert.Contains(docs, d => d.Origin.File == file);
    }
}
