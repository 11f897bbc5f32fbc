/** The vendor catalog and how vendors and destinations are recognised. */
export { VENDORS, type Vendor } from "./catalog"
export { countryForHost, destinationOf, outsideMainland, type Destination } from "./country"
export { onDomain, trackerInfo, vendorById, vendorForCookie, vendorForGlobal, vendorForHost, vendorForUrl, type VendorMatch } from "./match"
