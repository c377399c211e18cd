using Vigie.Composition;
using Vigie.Geo;
using Vigie.Model;
using Vigie.Pipeline;
using Vigie.Text;
using Vigie.Text.Analysis;

namespace Vigie.Tests.Pipelines;

/// <summary>
/// The pipeline holds components to the layers they declare: the order when it is built, every read and write
/// while it runs (the tests turn the run-time check on for every pipeline, tests/Directory.Build.props).
/// </summary>
public class PipelineTests
{
    /// <summary>Declares that it reads tokens and writes actors; does what the flags say.</summary>
    private sealed class Probe(bool readCountries = false, bool writeTriggers = false) : IComponent
    {
        public string Name => "probe";
        public IReadOnlyList<Type> Requires => [typeof(Token)];
        public IReadOnlyList<Type> Assigns => [typeof(ActorMention)];

        public void Process(Document doc)
        {
            _ = doc.Layers.Get<Token>();
            if (readCountries) _ = doc.Layers.Get<CountryMention>();
            doc.Layers.Set(new List<ActorMention>());
            if (writeTriggers) doc.Layers.Set(new List<TriggerMention>());
        }
    }

    /// <summary>May read the places, which some other component assigns.</summary>
    private sealed class ReadsPlaces : IComponent
    {
        public string Name => "reads-places";
        public IReadOnlyList<Type> Requires => [];
        public IReadOnlyList<Type> Assigns => [];
        public IReadOnlyList<Type> MayRead => [typeof(PlaceMention)];
        public void Process(Document doc) => _ = doc.Layers.Get<PlaceMention>();
    }

    private sealed class AssignsPlaces : IComponent
    {
        public string Name => "assigns-places";
        public IReadOnlyList<Type> Requires => [];
        public IReadOnlyList<Type> Assigns => [typeof(PlaceMention)];
        public void Process(Document doc) => doc.Layers.Set(new List<PlaceMention>());
    }

    /// <summary>Knows one place, and counts the questions.</summary>
    private sealed class OnePlaceGeocoder : IGeocoder
    {
        public int Questions;

        public PlaceResolution? Resolve(string name, PlaceRelation relation, string? feature, GeoContext context)
        {
            Interlocked.Increment(ref Questions);
            if (name != "Tombouctou") return null;
            var loc = new Location { Name = "Timbuktu", Country = "ML", Lat = 16.77, Lon = -3.01, Precision = 1 };
            return new PlaceResolution(loc, PlaceKind.Populated, 1, relation);
        }

        public Location? CountryPoint(string iso2) => null;
    }

    private static Document Doc(string text) => new("t", text) { Language = "fr", Published = PartialDate.Parse("2019-05-03") };

    [Fact]
    public void Pipelines_InTheTests_CheckLayerAccess()
    {
        Assert.True(PipelineFactory.CreateWithoutGeocoding().CheckLayerAccess);
        Assert.False(new Vigie.Pipeline.Pipeline([new Tokenizer()], checkLayerAccess: false).CheckLayerAccess);
    }

    [Fact]
    public void Run_ComponentReadingAnUndeclaredLayer_IsRefused()
    {
        var pipeline = new Vigie.Pipeline.Pipeline([new Tokenizer(), new Probe(readCountries: true)], checkLayerAccess: true);
        var e = Assert.Throws<InvalidOperationException>(() => pipeline.Run(Doc("Trois soldats.")));
        Assert.Contains("VIG-P003", e.Message);
        Assert.Contains("'probe' reads layer CountryMention", e.Message);
    }

    [Fact]
    public void Run_ComponentWritingAnUndeclaredLayer_IsRefused()
    {
        var pipeline = new Vigie.Pipeline.Pipeline([new Tokenizer(), new Probe(writeTriggers: true)], checkLayerAccess: true);
        var e = Assert.Throws<InvalidOperationException>(() => pipeline.Run(Doc("Trois soldats.")));
        Assert.Contains("'probe' writes layer TriggerMention", e.Message);
    }

    [Fact]
    public void Run_WithoutTheCheck_LetsTheSameComponentThrough()
    {
        var doc = new Vigie.Pipeline.Pipeline([new Tokenizer(), new Probe(readCountries: true, writeTriggers: true)], checkLayerAccess: false).Run(Doc("Trois soldats."));
        Assert.True(doc.Layers.Has<TriggerMention>());
    }

    [Fact]
    public void Run_DeclaredAccess_PassesAndLeavesNoGuardBehind()
    {
        var doc = new Vigie.Pipeline.Pipeline([new Tokenizer(), new Probe()], checkLayerAccess: true).Run(Doc("Trois soldats."));
        Assert.Null(doc.Layers.Guard);
        Assert.True(doc.Layers.Has<ActorMention>());
    }

    [Fact]
    public void Build_OptionalLayerAssignedOnlyLater_IsRefused()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new Vigie.Pipeline.Pipeline([new ReadsPlaces(), new AssignsPlaces()]));
        Assert.Contains("VIG-P002", e.Message);
        // in the right order, or with nobody assigning the layer, it builds
        _ = new Vigie.Pipeline.Pipeline([new AssignsPlaces(), new ReadsPlaces()]);
        _ = new Vigie.Pipeline.Pipeline([new ReadsPlaces()]);
    }

    [Fact]
    public void Build_AssemblerWithoutTheFinders_IsRefused()
    {
        var e = Assert.Throws<InvalidOperationException>(() =>
            new Vigie.Pipeline.Pipeline([new Tokenizer(), new Vigie.Extraction.Assembly.EventAssembler()]));
        Assert.Contains("VIG-P001", e.Message);
        Assert.Contains("'events'", e.Message.Replace("\"", "'"), StringComparison.Ordinal);
    }

    [Fact]
    public void StandardPipeline_RunsUnderTheCheck_WithAnyGeocoder()
    {
        var geocoder = new OnePlaceGeocoder();
        var pipeline = PipelineFactory.Create(geocoder);
        Assert.True(pipeline.CheckLayerAccess);
        var doc = pipeline.Run(Doc("Trois soldats ont été tués vendredi dans une attaque à Tombouctou, selon l'armée malienne."));
        Assert.True(geocoder.Questions > 0);
        var place = Assert.Single(doc.Layers.Get<PlaceMention>(), p => p.Name == "Tombouctou");
        Assert.Equal("Timbuktu", place.Resolved?.Name);
        Assert.NotEmpty(ExtractionResult.For(doc).Events);
    }
}
