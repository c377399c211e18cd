using Vigie.Readers;

namespace Vigie.Tests.Readers;

/// <summary>Each sample file is read by its format's reader, without problems, with the ids, dates and texts it holds.</summary>
public class SampleTests
{
    internal static string Samples { get; } = FindSamples();

    private static string FindSamples()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples");
            if (File.Exists(Path.Combine(candidate, "README.md")) && Directory.Exists(Path.Combine(candidate, "seed"))) return candidate;
        }
        throw new DirectoryNotFoundException("samples/ not found above the test directory");
    }

    public static TheoryData<string, string, int, string, string> Files => new()
    {
        // file, reader format, documents, first id, first date
        { "seed/afp-fr-2019-05-idleb.txt", "seed", 1, "afp-fr-2019-05-idleb", "2019-05" },
        { "seed/fil-syrie-2019-08.txt", "seed", 3, "fil-syrie-2019-08#1", "2019-08-21" },
        { "txt/mali-boulkessi.txt", "txt", 1, "mali-boulkessi", "2021-11-09" },
        { "txt/afghanistan-kunduz-2020-09-14.txt", "txt", 1, "afghanistan-kunduz-2020-09-14", "2020-09-14" },
        { "jsonl/depeches-2021-2023.jsonl", "jsonl", 4, "sahel-burkina-djibo", "2021-06-22" },
        { "csv/depeches-afrique.csv", "csv", 4, "nigeria-konduga", "2021-10-26" },
        { "html/rdc-beni-adf.html", "html", 1, "rdc-beni-adf", "2020-12-08" },
        { "rss/fil-international.rss", "feed", 4, "fil-international#7", "2022-02-15" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Read_SampleFile_DocumentsWithIdDateAndNoProblem(string file, string format, int count, string firstId, string firstDate)
    {
        var path = Path.Combine(Samples, file);
        using (var s = File.OpenRead(path))
        {
            var head = new byte[8192];
            var n = s.Read(head);
            var sniffed = Inputs.FormatOf(path, head.AsSpan(0, n));
            Assert.Equal(format, sniffed == "txt" && Inputs.LooksLikeSeed(head.AsSpan(0, n)) ? "seed" : sniffed);
        }
        var items = Read.All(path);
        Assert.All(items, i => Assert.Null(i.Problem));
        var docs = items.Documents().ToList();
        Assert.Equal(count, docs.Count);
        Assert.Equal(firstId, docs[0].Id);
        Assert.Equal(firstDate, docs[0].Published.ToString());
        Assert.All(docs, d => Assert.True(d.Text.Length > 100 && d.Text == d.Text.Trim()));
    }

    [Fact]
    public void Read_SamplesDirectory_TwentyDocumentsInSortedOrder()
    {
        var items = Read.All(Samples);
        Assert.All(items, i => Assert.Null(i.Problem));
        var docs = items.Documents().ToList();
        Assert.Equal(20, docs.Count);
        Assert.Equal(docs.Count, docs.Select(d => d.Id).Distinct().Count());
        Assert.Equal(["csv", "html", "jsonl", "rss", "seed", "txt"],
            docs.Select(d => Path.GetFileName(Path.GetDirectoryName(d.Origin.File))!).Distinct());
        Assert.True(docs.Count(d => d.Language == "en") + docs.Count(d => d.Language == null) >= 3);
    }

    [Fact]
    public void Read_SameEventTwoSources_BothSamplesShareDayAndPlace()
    {
        var docs = Read.All(Samples).Documents().ToList();
        var afp = docs.Single(d => d.Id == "somalie-mogadiscio-afp");
        var reuters = docs.Single(d => d.Id == "reuters-en-mogadishu");
        Assert.Equal(afp.Published, reuters.Published);
        Assert.Contains("Mogadiscio", afp.Text);
        Assert.Contains("Mogadishu", reuters.Text);
    }

    [Fact]
    public void Html_Sample_BoilerplateDropped()
    {
        var doc = Assert.Single(Read.All(Path.Combine(Samples, "html/rdc-beni-adf.html")).Documents());
        Assert.StartsWith("Au moins 22 civils", doc.Text.Split("\n\n").First(p => p.StartsWith("Au moins")));
        foreach (var boilerplate in new[] { "Publicité", "Mentions légales", "À lire aussi", "CAN : le tirage", "Rechercher" })
            Assert.DoesNotContain(boilerplate, doc.Text);
        Assert.Equal("https://echo-grands-lacs.example/afrique/rdc-beni-attaque-adf", doc.Url);
    }
}
