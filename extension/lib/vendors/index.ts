/** The vendor catalog and how vendors and destinations are recognised. */
export { activeInChina, VENDORS, type CloudRegions, type Vendor } from "./catalog"
export { addressScope, basisConfidence, cloudRegionOf, countryForHost, destinationOf, outsideMainland, type Destination } from "./country"
export { COUNTRY_NAMES, isCountryCode, ISO_COUNTRY_CODES } from "./iso-countries"
export { parentDomainCountry, trackerInfo, vendorById, vendorForCookie, vendorForGlobal, vendorForHost, vendorForUrl, type VendorMatch } from "./match"
