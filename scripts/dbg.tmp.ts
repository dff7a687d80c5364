import { parseXml } from "../packages/ingest/src/xml.ts";
import { parseStyles, parseNumbering } from "../packages/ingest/src/docx-numbering.ts";
const W='xmlns:ns0="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const s = parseStyles(parseXml(`<?xml version="1.0"?><ns0:styles ${W}><ns0:style ns0:type="paragraph" ns0:styleId="Punkt"><ns0:name ns0:val="P"/><ns0:pPr><ns0:numPr><ns0:numId ns0:val="1"/></ns0:numPr></ns0:pPr></ns0:style></ns0:styles>`));
console.log(s);
