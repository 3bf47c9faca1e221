// Package jsonld describes a page for search engines and other machines
// as schema.org JSON-LD, which the layouts put in a
// <script type="application/ld+json"> element in the page's head (package
// render's jsonld function). Such an element is data, not script: a
// browser runs nothing in it, so the Content-Security-Policy needs no
// 'unsafe-inline' for it.
//
// Graph makes one JSON object per page, {"@context": "https://schema.org",
// "@graph": [...]}, written as encoding/json writes it (encode.go and
// package jsonstr, without its reflection), with <, > and & as \u003c,
// \u003e and \u0026: nothing an editor writes can end the element
// ("</script>") or open a comment in it. What a page gets:
//
//   - every page below a home page: a BreadcrumbList, from the home page
//     to the page itself, as the breadcrumbs show it;
//   - a home page: a WebSite, its name, address, description and
//     language, published by the organisation (a GovernmentOrganization
//     named by config.toml's municipality, with the [contact] phone and
//     e-mail);
//   - a place: a GovernmentOffice with its address, phone, e-mail,
//     openingHoursSpecification for each weekday (a closed day as opens
//     and closes 00:00, as search engines read it),
//     specialOpeningHoursSpecification for each exception (validFrom,
//     validThrough), isAccessibleForFree (a municipality's office is
//     free to visit) and its step-free access and other accessibility
//     features as amenityFeature; its parentOrganization is the
//     organisation;
//   - a news item: a NewsArticle with its headline, description, dates,
//     language and the organisation as author and publisher;
//   - a law explainer: a GovernmentService, the service the organisation
//     gives under the law the page explains (sickness benefit, a
//     complaint), named by the page's title, with the law and paragraph
//     as its serviceType and the organisation as its provider. schema.org
//     has no type for an explanation of a law; the explainer tells a
//     citizen what the organisation does for them under it, which is what
//     a GovernmentService is.
//
// Every other kind gets its BreadcrumbList only. Addresses are absolute
// with a full base URL and root-relative without one.
//
// testdata/schemaorg.json is the part of the schema.org vocabulary this
// package uses (types with their supertypes, properties with their
// domains and ranges); the tests check every type and property the
// example site's pages emit against it.
package jsonld
