namespace CxAsCode.Resources;

/// <summary>
/// Size limits Validate applies to every state file and field, so an oversized value is refused with its
/// file and path instead of failing mid-deploy. Where the API publishes no limit, the one chosen here is
/// conservative: far below the 512,000-byte request payload limit (genesys-api.md §5).
/// </summary>
public static class FieldLimits
{
    /// <summary>
    /// The largest state or mappings file read: checked on the file's length before it is parsed, so an
    /// accidental dump cannot exhaust memory. No API limit applies to a file; a state file holds one object
    /// whose request body must stay under the API's 512,000-byte payload limit (genesys-api.md §5), so a
    /// file twice that size cannot be valid. The sample files are under 2 KiB.
    /// </summary>
    public const int StateFileMaxBytes = 1024 * 1024;

    /// <summary>
    /// Object names (queues, skills, wrap-up codes). Neither the SDK contract
    /// (build/contract/genesys-models.json) nor the Terraform provider's schemas
    /// (genesyscloud/routing_queue/resource_genesyscloud_routing_queue_schema.go,
    /// routing_skill/…_schema.go, routing_wrapupcode/…_schema.go) publish a length; 255 characters is the
    /// limit this project has applied to names since its first release, and every name a file name is made
    /// from stays short.
    /// </summary>
    public const int NameMaxLength = 255;

    /// <summary>
    /// Any other text (descriptions, channel settings). No length is published (same sources as
    /// <see cref="NameMaxLength"/>); 8,192 characters is far beyond any description the Genesys Cloud UI
    /// shows, and even escaped as JSON (at most 6 bytes a character) stays under 50 KB of a request body.
    /// </summary>
    public const int TextMaxLength = 8192;

    /// <summary>
    /// One object in state form, as compact JSON. Half the API's 512,000-byte request payload limit
    /// (genesys-api.md §5): the body sent also carries the ids the engine puts in place of names.
    /// </summary>
    public const int ObjectMaxBytes = 256_000;
}
