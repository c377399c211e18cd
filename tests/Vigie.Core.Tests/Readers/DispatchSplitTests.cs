using Vigie.Errors;
using Vigie.Readers;

namespace Vigie.Tests.Readers;

/// <summary>A .txt holding several dispatches becomes several documents, with a warning that says so.</summary>
public class DispatchSplitTests
{
    [Fact]
    public void Txt_TwoDatelinedDispatches_TwoDocumentsAndAWarning()
    {
        const string text = "date: 2019-03-12\n\nGAO, 12 mars (AFP) - Des tirs ont visé un camp militaire samedi à Gao.\n\nLe bilan reste inconnu.\n\n"
                            + "BAMAKO, 12 mars (AFP) - Une manifestation a eu lieu à Bamako.\n";
        var items = Read.Text("two.txt", text);
        var note = Assert.Single(items, i => i.Problem != null).Problem!;
        Assert.Equal(ProblemSeverity.Warning, note.Severity);
        Assert.StartsWith(ErrorCatalogue.Dispatches.Code, note.Message);
        var docs = items.Documents().ToList();
        Assert.Equal(2, docs.Count);
        Assert.Equal(["two#3", "two#7"], docs.Select(d => d.Id));
        Assert.StartsWith("GAO, 12 mars", docs[0].Text);
        Assert.EndsWith("Le bilan reste inconnu.", docs[0].Text);
        Assert.StartsWith("BAMAKO, 12 mars", docs[1].Text);
        Assert.Equal(7, docs[1].Origin.Line);
        Assert.All(docs, d => Assert.Equal("2019-03-12", d.Published.ToString()));
    }

    [Fact]
    public void Txt_SeedPrefixLaterInTheFile_StartsADispatchWithItsOwnDate()
    {
        const string text = "date: 2018-04-20\n\nLes forces du régime ont progressé vendredi.\n date 2018-05 Un attentat a frappé Kaboul.\n";
        var docs = Read.Text("mixed.txt", text).Documents().ToList();
        Assert.Equal(2, docs.Count);
        Assert.Equal("2018-04-20", docs[0].Published.ToString());
        Assert.Equal("2018-05", docs[1].Published.ToString());
        Assert.Equal("Un attentat a frappé Kaboul.", docs[1].Text);
    }

    [Fact]
    public void Txt_OneDispatch_OneDocumentWithoutWarning()
    {
        const string text = "date: 2019-03-12\n\nGAO, 12 mars (AFP) - Des tirs ont visé Gao.\n\nSelon une source militaire, le camp (AFP) a été touché.\n";
        var item = Assert.Single(Read.Text("one.txt", text));
        Assert.Null(item.Problem);
        Assert.Equal("one", item.Document!.Id);
    }

    [Theory]
    [InlineData("GAO, 12 mars (AFP) - Des tirs", true)]
    [InlineData("KABUL, March 3 (Reuters) — A blast", true)]
    [InlineData("OUAGADOUGOU (Burkina Faso), 1er avril 2019 (AFP) - Le", true)]
    [InlineData("Gao, le 12 mars, des tirs (AFP) - ont", false)]
    [InlineData("Des tirs ont visé Gao, 12 mars (AFP) -", false)]
    public void Dateline_Pattern(string line, bool expected) => Assert.Equal(expected, PlainTextReader.IsDateline(line));
}
