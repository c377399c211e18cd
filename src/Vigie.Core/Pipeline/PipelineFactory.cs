using Vigie.Geo;
using Vigie.Text;

namespace Vigie.Pipeline;

/// <summary>Builds the standard extraction pipeline. Components are listed in the order they run.</summary>
public static class PipelineFactory
{
    public static Pipeline Create(IGeocoder? geocoder = null)
    {
        _ = geocoder ?? NullGeocoder.Instance;
        return new Pipeline(
        [
            new Tokenizer(),
            new LanguageGuesser(),
        ]);
    }
}
