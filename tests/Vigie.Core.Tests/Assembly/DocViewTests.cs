using Vigie.Extraction.Assembly;
using Vigie.Model;
using Vigie.Text;
using Vigie.Text.Analysis;

namespace Vigie.Tests.Assembly;

public class DocViewTests
{
    private static Document Tokenized(string text)
    {
        var doc = new Document("view", text) { Language = "fr" };
        new Tokenizer().Process(doc);
        doc.Layers.Set(new List<TriggerMention>());
        return doc;
    }

    [Fact]
    public void Of_SameDocumentAndLayers_ReturnsTheSameView()
    {
        var doc = Tokenized("Des combats ont eu lieu à Goma. Le calme est revenu.");
        var first = DocView.Of(doc);
        Assert.Same(first, DocView.Of(doc));
        Assert.Equal(2, first.Sentences.Count);
    }

    [Fact]
    public void Of_LayerSetAnew_BuildsANewView()
    {
        var doc = Tokenized("Des combats ont eu lieu à Goma.");
        var first = DocView.Of(doc);
        var at = doc.Text.IndexOf("combats", StringComparison.Ordinal);
        doc.Layers.Set(new List<TriggerMention> { new(new TextSpan(at, at + 7), EventSubtype.ArmedClash) });
        var second = DocView.Of(doc);
        Assert.NotSame(first, second);
        Assert.Single(second.Triggers[0]);
    }

    [Fact]
    public void Of_LayerGrownInPlace_BuildsANewView()
    {
        var doc = Tokenized("Des combats ont eu lieu à Goma.");
        var triggers = new List<TriggerMention>();
        doc.Layers.Set(triggers);
        var first = DocView.Of(doc);
        Assert.Empty(first.Triggers[0]);
        var at = doc.Text.IndexOf("combats", StringComparison.Ordinal);
        triggers.Add(new TriggerMention(new TextSpan(at, at + 7), EventSubtype.ArmedClash));
        var second = DocView.Of(doc);
        Assert.NotSame(first, second);
        Assert.Single(second.Triggers[0]);
    }

    [Fact]
    public void Of_AnotherDocument_BuildsAViewOfIt()
    {
        var a = Tokenized("Des combats ont eu lieu à Goma.");
        var b = Tokenized("Des combats ont eu lieu à Goma.");
        var va = DocView.Of(a);
        var vb = DocView.Of(b);
        Assert.NotSame(va, vb);
        Assert.Same(b, vb.Doc);
    }

    [Fact]
    public void EveryCueKind_HasABitOfItsOwnInTheSentenceMask()
    {
        Assert.True(Enum.GetValues<Vigie.Extraction.Assembly.CueKind>().Length <= Vigie.Extraction.Assembly.AssemblyCues.MaxKinds);
        // the last kind is told apart from the first: a sentence with only an outcome word has no cue of the last kind
        var doc = new Document("t", "Une femme a été tuée.") { Language = "fr" };
        Vigie.Composition.PipelineFactory.CreateWithoutGeocoding().Run(doc);
        var v = new Vigie.Extraction.Assembly.DocView(doc);
        Assert.True(v.Has(0, Vigie.Extraction.Assembly.CueKind.Outcome));
        Assert.False(v.Has(0, Enum.GetValues<Vigie.Extraction.Assembly.CueKind>()[^1]));
    }
}
