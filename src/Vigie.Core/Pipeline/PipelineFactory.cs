using Vigie.Extraction.Assembly;
using Vigie.Geo;
using Vigie.Numbers;
using Vigie.Text;
using Vigie.Time;

namespace Vigie.Pipeline;

/// <summary>
/// Builds the standard extraction pipeline. Components are listed in the order they run:
/// text (tokens, sentences, language) → numbers and time → places, actors, victims, sources,
/// triggers, modality → geocoding → assembly (casualty figures, then events, which read the figures).
/// Components are stateless and thread-safe; their lexicons are loaded once per process, so building
/// a pipeline is cheap and one pipeline may serve many threads.
/// </summary>
public static class PipelineFactory
{
    public static Pipeline Create(IGeocoder? geocoder = null)
    {
        _ = geocoder ?? NullGeocoder.Instance;
        return new Pipeline(
        [
            new Tokenizer(),
            new LanguageGuesser(),
            new NumberRecognizer(),
            new TimeRecognizer(),
            // assembly: the last step, it sets the ExtractionResult's events and casualty reports
            new CasualtyAssembler(),
            new EventAssembler(),
        ]);
    }
}
