import { classifyLabel } from "./src/labels.ts";
import { toXLines } from "./src/lines.ts";
const ls = toXLines([{page:1,line:1,text:"Referat Aftalen blev drøftet mhp. den opgave", hints:{}}]);
console.log(classifyLabel(ls[0]!));
