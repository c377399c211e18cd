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
}
