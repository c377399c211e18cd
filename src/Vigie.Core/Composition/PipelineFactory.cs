using Vigie.Extraction.Assembly;
using Vigie.Extraction.Finders;
using Vigie.Geo;
using Vigie.Numbers;
using Vigie.Text.Analysis;
using Vigie.Time;

namespace Vigie.Composition;

/// <summary>
/// The composition root: builds the standard extraction pipeline, the one place that names every component.
/// Components are listed in the order they run: text (tokens, sentences, language) → numbers and time → places
/// and countries, actors, victims, sources, outcome words, triggers, modality → geocoding → assembly (casualty
/// figures, then events, which read the figures). Components are stateless and thread-safe; their lexicons are
/// loaded once per process, so building a pipeline is cheap and one pipeline may serve many threads.
/// </summary>
public static class PipelineFactory
{
    /// <param name="geocoder">Resolves the places (default: the gazetteer geocoder over the compiled cities500 index,
    /// opened on the first document).</param>
    public static Pipeline.Pipeline Create(IGeocoder? geocoder = null) =>
        Build(new GeocodingComponent(geocoder ?? GazetteerGeocoder.Default));

    /// <summary>The same pipeline without the geocoding step: places keep their names and no coordinates, and no gazetteer is opened.</summary>
    public static Pipeline.Pipeline CreateWithoutGeocoding() => Build(null);

    private static Pipeline.Pipeline Build(GeocodingComponent? geocoding)
    {
        var components = new List<Pipeline.IComponent>
        {
            new Tokenizer(),
            new LanguageGuesser(),
            new NumberRecognizer(),
            new TimeRecognizer(),
            new PlaceFinder(),
            new ActorFinder(),
            new VictimFinder(),
            new SourceFinder(),
            new OutcomeFinder(),
            new TriggerFinder(),
            new ModalityFinder(),
        };
        if (geocoding != null) components.Add(geocoding);
        // assembly: the last step, it sets the ExtractionResult's events and casualty reports
        components.Add(new CasualtyAssembler());
        components.Add(new EventAssembler());
        return new Pipeline.Pipeline(components);
    }
}
