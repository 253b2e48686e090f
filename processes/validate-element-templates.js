#!/usr/bin/env node
// Validates the element templates in element-templates/ against the Zeebe element template
// JSON schema, and checks that every job type the diagrams use has a template.
// Run by Maven (processes/pom.xml) after `npm ci`; exits 1 on any problem.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const Ajv = require('ajv');
const schema = require('@camunda/zeebe-element-templates-json-schema/resources/schema.json');

const TEMPLATES_DIR = path.join(__dirname, 'element-templates');
const DIAGRAMS_DIR = path.join(__dirname, 'src', 'main', 'resources', 'processes');

// The schema compares ids with $data references and is not written for Ajv's strict mode
// (untyped "contains", keywords of its own such as "deprecationWarning"); strict mode would
// only add noise, not checks. It uses no "format", so ajv-formats is not needed.
const ajv = new Ajv({ allErrors: true, $data: true, strict: false });
ajv.addKeyword('deprecationWarning');
const validate = ajv.compile(schema);

const problems = [];
const templatesByType = new Map();
const seenIds = new Set();

const files = fs.readdirSync(TEMPLATES_DIR).filter((name) => name.endsWith('.json')).sort();
for (const file of files) {
	let document;
	try {
		document = JSON.parse(fs.readFileSync(path.join(TEMPLATES_DIR, file), 'utf-8'));
	}
	catch (error) {
		problems.push(`${file}: not JSON: ${error.message}`);
		continue;
	}
	if (!validate(document)) {
		for (const error of validate.errors) {
			problems.push(`${file}: ${error.instancePath || '/'} ${error.message}`);
		}
		continue;
	}
	// A file may hold one template or an array of them.
	for (const template of [].concat(document)) {
		const key = `${template.id}@${template.version}`;
		if (seenIds.has(key)) {
			problems.push(`${file}: template ${key} is defined twice`);
		}
		seenIds.add(key);
		const typeProperty = template.properties.find(
			(property) => property.binding.type === 'zeebe:taskDefinition' && property.binding.property === 'type');
		if (typeProperty) {
			templatesByType.set(typeProperty.value, file);
		}
	}
}

// Modeler writes the job type as the attribute of zeebe:taskDefinition; a designer who adds
// a job type to a diagram should add its template too.
const diagrams = fs.readdirSync(DIAGRAMS_DIR).filter((name) => name.endsWith('.bpmn')).sort();
const jobTypes = new Set();
for (const diagram of diagrams) {
	const xml = fs.readFileSync(path.join(DIAGRAMS_DIR, diagram), 'utf-8');
	for (const match of xml.matchAll(/<zeebe:taskDefinition\b[^>]*\btype="([^"]+)"/g)) {
		jobTypes.add(match[1]);
		if (!templatesByType.has(match[1])) {
			problems.push(`${diagram}: job type ${match[1]} has no element template in element-templates/`);
		}
	}
}

if (problems.length > 0) {
	console.error(`Element templates: ${problems.length} problem(s)`);
	problems.forEach((problem) => console.error(`  ${problem}`));
	process.exit(1);
}
console.log(`Element templates: ${seenIds.size} valid, covering the ${jobTypes.size} job types of ${diagrams.length} diagrams`);
