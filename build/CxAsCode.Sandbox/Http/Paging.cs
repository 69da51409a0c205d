using System.Globalization;
using CxAsCode.Sandbox.Store;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Http;

/// <summary>The paged list envelope (genesys-api.md §2). Entities come in list order (by name, then id)
/// from a <see cref="Listing"/>, so pages are stable while a client walks them and a page costs only its
/// own entities; URIs are relative and keep the caller's other query parameters.</summary>
internal static class Paging
{
    public const int DefaultPageSize = 25;

    public static JObject Envelope(HttpRequest request, Listing listing, int maxPageSize, Func<JObject, JObject> render)
    {
        var pageSize = ReadInt(request, "pageSize", DefaultPageSize);
        var pageNumber = ReadInt(request, "pageNumber", 1);
        if (pageSize > maxPageSize)
        {
            throw ApiErrors.BadRequest($"Page size {pageSize} is greater than the maximum of {maxPageSize}.");
        }

        var total = listing.Count;
        var pageCount = (total + pageSize - 1) / pageSize;
        var page = listing.From((int)Math.Min((long)(pageNumber - 1) * pageSize, int.MaxValue)).Take(pageSize);

        var envelope = new JObject
        {
            ["entities"] = new JArray(page.Select(render)),
            ["pageSize"] = pageSize,
            ["pageNumber"] = pageNumber,
            ["total"] = total,
            ["firstUri"] = PageUri(request, pageSize, 1),
        };
        if (pageNumber < pageCount)
        {
            envelope["nextUri"] = PageUri(request, pageSize, pageNumber + 1);
        }

        if (pageNumber > 1)
        {
            envelope["previousUri"] = PageUri(request, pageSize, Math.Min(pageNumber - 1, Math.Max(pageCount, 1)));
        }

        envelope["lastUri"] = PageUri(request, pageSize, Math.Max(pageCount, 1));
        envelope["selfUri"] = PageUri(request, pageSize, pageNumber);
        envelope["pageCount"] = pageCount;
        return envelope;
    }

    private static int ReadInt(HttpRequest request, string name, int fallback)
    {
        var values = request.Query[name];
        if (values.Count == 0)
        {
            return fallback;
        }

        if (values.Count > 1 || !int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
        {
            throw ApiErrors.BadRequest($"{name} must be a positive whole number.");
        }

        return value;
    }

    /// <summary>Rebuilds the URI from the raw query string so the other parameters keep their order and
    /// their encoding.</summary>
    private static string PageUri(HttpRequest request, int pageSize, int pageNumber)
    {
        var others = (request.QueryString.Value ?? string.Empty)
            .TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !IsPagingParameter(Uri.UnescapeDataString(pair.Split('=')[0])));
        var query = string.Join('&', new[]
        {
            string.Create(CultureInfo.InvariantCulture, $"pageSize={pageSize}"),
            string.Create(CultureInfo.InvariantCulture, $"pageNumber={pageNumber}"),
        }.Concat(others));
        return $"{request.PathBase}{request.Path}?{query}";
    }

    private static bool IsPagingParameter(string name) =>
        name.Equals("pageSize", StringComparison.Ordinal) || name.Equals("pageNumber", StringComparison.Ordinal);
}
