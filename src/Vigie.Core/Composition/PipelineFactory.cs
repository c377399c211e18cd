using Vigie.Extraction.Assembly;
using Vigie.Extraction.Finders;
using Vigie.Geo;
using Vigie.Model;
using Vigie.Numbers;
using Vigie.Text.Analysis;
using Vigie.Time;

namespace Vigie.Composition;

/// <summary>
/// Builds the standard extraction pipeline. Components are listed in the order they run:
/// text (tokens, sentences, language) → numbers and time → places and countries, actors, victims,
/// sources, outcome words, triggers, modality → geocoding → assembly (casualty figures, then events,
/// which read the figures). Components are stateless and thread-safe; their lexicons are loaded once
/// per process, so building a pipeline is cheap and one pipeline may serve many threads.
/// </summary>
public static class PipelineFactory
{
    /// <param name="geocoder">The gazetteer geocoder (default: the compiled cities500 index, opened on the
    /// first document); <see cref="NullGeocoder"/> leaves places unresolved and skips geocoding.</param>
    public static Pipeline.Pipeline Create(IGeocoder? geocoder = null)
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
        if (geocoder is not NullGeocoder) components.Add(new GeocodingComponent(geocoder as GazetteerGeocoder));
        // assembly: the last step, it sets the ExtractionResult's events and casualty reports
        components.Add(new CasualtyAssembler());
        components.Add(new EventAssembler());
        return new Pipeline.Pipeline(components);
    }
}
