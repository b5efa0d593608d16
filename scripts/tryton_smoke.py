#!/usr/bin/env python3
"""Walks the calls Loop CRM's Tryton connector makes, over plain JSON-RPC, against a running trytond.

Only the standard library is used, so what passes here needs nothing a Java HTTP client lacks:

    eval "$(scripts/tryton.sh env)" && python3 scripts/tryton_smoke.py

Each step prints its result and how long it took; the first failure ends the run with exit status 1.
It writes into the database (a party, a sale, an invoice, a production, a project): run
`scripts/tryton.sh reset` afterwards when tests need the pristine fixture.
"""

import base64
import datetime
import json
import os
import sys
import time
import urllib.error
import urllib.request
from decimal import Decimal

URL = os.environ.get('TRYTON_URL', 'http://127.0.0.1:8000').rstrip('/')
DB = os.environ.get('TRYTON_DB', 'loopcrm')
USER = os.environ.get('TRYTON_USER', 'admin')
PASSWORD_FILE = os.environ.get(
    'TRYTON_PASSWORD_FILE',
    os.path.join(os.environ.get('LOOPCRM_TRYTON_HOME', '/var/tmp/loopcrm-tryton'), 'admin.password'))


class RpcError(Exception):
    pass


def encode(value):
    """Tryton's JSON extensions for the types JSON lacks; the connector must write the same shapes."""
    if isinstance(value, Decimal):
        return {'__class__': 'Decimal', 'decimal': str(value)}
    if isinstance(value, datetime.datetime):
        return {'__class__': 'datetime', 'year': value.year, 'month': value.month, 'day': value.day,
                'hour': value.hour, 'minute': value.minute, 'second': value.second,
                'microsecond': value.microsecond}
    if isinstance(value, datetime.date):
        return {'__class__': 'date', 'year': value.year, 'month': value.month, 'day': value.day}
    if isinstance(value, datetime.timedelta):
        return {'__class__': 'timedelta', 'seconds': value.total_seconds()}
    raise TypeError(repr(value))


def decode(value):
    kind = value.get('__class__')
    if kind == 'Decimal':
        return Decimal(value['decimal'])
    if kind == 'date':
        return datetime.date(value['year'], value['month'], value['day'])
    if kind == 'datetime':
        return datetime.datetime(value['year'], value['month'], value['day'], value['hour'],
                                 value['minute'], value['second'], value.get('microsecond', 0))
    if kind == 'timedelta':
        return datetime.timedelta(seconds=value['seconds'])
    return value


class Tryton:
    def __init__(self):
        self.url = '%s/%s/' % (URL, DB)
        self.authorization = None
        self.context = {}
        self.ids = 0

    def call(self, method, *params, url=None):
        self.ids += 1
        body = json.dumps({'id': self.ids, 'method': method, 'params': list(params)},
                          default=encode).encode()
        headers = {'Content-Type': 'application/json'}
        if self.authorization:
            headers['Authorization'] = self.authorization
        request = urllib.request.Request(url or self.url, body, headers)
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                answer = json.loads(response.read(), object_hook=decode)
        except urllib.error.HTTPError as error:
            raise RpcError('%s: HTTP %s %s' % (method, error.code, error.read()[:200])) from None
        if answer.get('error'):
            raise RpcError('%s: %s' % (method, answer['error']))
        return answer['result']

    def model(self, model, method, *params):
        """Context goes last on every model call: it carries the company and employee."""
        return self.call('model.%s.%s' % (model, method), *params, self.context)

    def login(self, password):
        user_id, session = self.call('common.db.login', USER, {'password': password}, 'en')
        token = base64.b64encode(('%s:%s:%s' % (USER, user_id, session)).encode()).decode()
        self.authorization = 'Session ' + token
        return user_id

    def one(self, model, domain):
        found = self.model(model, 'search', domain, 0, 2, None)
        if len(found) != 1:
            raise RpcError('%s %s: expected one record, found %s' % (model, domain, found))
        return found[0]


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def main():
    with open(PASSWORD_FILE) as file:
        password = file.read().strip()
    erp = Tryton()
    state = {}

    def run(name, function, *args, **kwargs):
        started = time.perf_counter()
        try:
            result = function(*args, **kwargs)
        except Exception as error:  # noqa: BLE001 - any failure ends the smoke run
            print('FAIL %-34s %7.1f ms  %s: %s' % (
                name, (time.perf_counter() - started) * 1000, type(error).__name__, error))
            sys.exit(1)
        print('ok   %-34s %7.1f ms  %s' % (name, (time.perf_counter() - started) * 1000, result))
        return result

    # Under /<db>/ even this needs a session (HTTP 401); the server root answers anyone.
    run('server version', erp.call, 'common.server.version', url=URL + '/')
    run('login', erp.login, password)

    def preferences():
        erp.context = erp.call('model.res.user.get_preferences', True, {})
        return {k: erp.context[k] for k in ('company', 'employee', 'language') if k in erp.context}
    run('get_preferences', preferences)

    def fixture():
        state['widget'] = erp.one('product.product', [['template.code', '=', 'WIDGET']])
        state['assembly'] = erp.one('product.product', [['template.code', '=', 'ASSEMBLY']])
        widget, = erp.model('product.product', 'read', [state['widget']], ['default_uom'])
        state['unit'] = widget['default_uom']
        state['storage'] = erp.one('stock.location', [['code', '=', 'STO']])
        state['warehouse'] = erp.one('stock.location', [['code', '=', 'WH']])
        state['net30'] = erp.one('account.invoice.payment_term', [['name', '=', 'Net 30']])
        state['cash'] = erp.one('account.invoice.payment.method', [['name', '=', 'Cash']])
        state['bom'] = erp.one('production.bom', [['name', '=', 'ASSEMBLY']])
        return dict(state)
    run('fixture ids', fixture)

    # The server clock, not ours, decides what write_date says.
    state['watermark'] = datetime.datetime.utcnow() - datetime.timedelta(seconds=1)

    def create_party():
        party_id, = erp.model('party.party', 'create', [{
            'name': 'Smoke Test Customer %s' % int(time.time()),
            'addresses': [['create', [{
                'street': '1 Rue de la Paix', 'postal_code': '75002', 'city': 'Paris'}]]],
            'contact_mechanisms': [['create', [{
                'type': 'email', 'value': 'smoke@example.com'}]]],
        }])
        party, = erp.model('party.party', 'read', [party_id], ['addresses', 'contact_mechanisms'])
        state['party'] = party_id
        state['address'] = party['addresses'][0]
        return party
    run('create party', create_party)

    def create_sale():
        sale_id, = erp.model('sale.sale', 'create', [{
            'party': state['party'],
            'invoice_address': state['address'],
            'shipment_address': state['address'],
            'payment_term': state['net30'],
            'lines': [['create', [{
                'type': 'line', 'product': state['widget'], 'quantity': 1.0,
                'unit': state['unit'], 'unit_price': Decimal('10.00')}]]],
        }])
        state['sale'] = sale_id
        return sale_id
    run('create sale', create_sale)
    run('sale quote', erp.model, 'sale.sale', 'quote', [state['sale']])
    run('sale confirm', erp.model, 'sale.sale', 'confirm', [state['sale']])

    def sale_after_confirm():
        sale, = erp.model('sale.sale', 'read', [state['sale']],
                          ['state', 'number', 'invoices', 'shipments', 'invoice_state',
                           'shipment_state', 'total_amount'])
        check(len(sale['invoices']) == 1, 'confirm made no invoice')
        state['invoice'] = sale['invoices'][0]
        return sale
    run('read sale', sale_after_confirm)

    def invoice_by_origin():
        # The same invoice, found the way a poller that only knows the sale line would find it.
        line, = erp.model('sale.sale', 'read', [state['sale']], ['lines'])
        found = erp.model('account.invoice', 'search',
                          [['lines.origin', '=', 'sale.line,%s' % line['lines'][0]]], 0, None, None)
        check(found == [state['invoice']], 'search by origin found %s' % found)
        return found
    run('find invoice by line origin', invoice_by_origin)
    run('invoice post', erp.model, 'account.invoice', 'post', [state['invoice']])

    def read_invoice():
        invoice, = erp.model('account.invoice', 'read', [state['invoice']],
                             ['state', 'number', 'total_amount', 'amount_to_pay', 'invoice_date'])
        check(invoice['state'] == 'posted', 'invoice state %s' % invoice['state'])
        return invoice
    run('read invoice', read_invoice)
    run('receivable before payment', erp.model, 'party.party', 'read', [state['party']],
        ['receivable', 'receivable_today'])

    def pay():
        context = dict(erp.context, active_model='account.invoice',
                       active_id=state['invoice'], active_ids=[state['invoice']])
        session, start_state, _ = erp.call('wizard.account.invoice.pay.create', erp.context)
        try:
            view = erp.call('wizard.account.invoice.pay.execute', session, {}, start_state, context)
            # Defaults carry display names under 'field.' keys; sent back, the wizard fails on them.
            values = {k: v for k, v in view['view']['defaults'].items() if '.' not in k}
            values.update(payment_method=state['cash'], description='Smoke payment')
            result = erp.call('wizard.account.invoice.pay.execute', session,
                              {start_state: values}, 'choice', context)
        finally:
            erp.call('wizard.account.invoice.pay.delete', session, erp.context)
        invoice, = erp.model('account.invoice', 'read', [state['invoice']], ['state'])
        check(invoice['state'] == 'paid', 'invoice state %s after pay' % invoice['state'])
        return {'defaults': view['view']['defaults'], 'result': result, 'state': invoice['state']}
    run('pay invoice (wizard)', pay)

    def receivable():
        party, = erp.model('party.party', 'read', [state['party']],
                           ['receivable', 'receivable_today'])
        check(party['receivable'] == 0, 'receivable %s' % party['receivable'])
        return party
    run('receivable after payment', receivable)

    def availability():
        context = dict(erp.context, locations=[state['storage']])
        widget, = erp.call('model.product.product.read', [state['widget']],
                           ['quantity', 'forecast_quantity'], context)
        check(widget['quantity'] == 100, 'quantity %s' % widget['quantity'])
        return widget
    run('WIDGET availability (storage)', availability)

    def availability_warehouse():
        context = dict(erp.context, locations=[state['warehouse']])
        return erp.call('model.product.product.read', [state['widget']],
                        ['quantity', 'forecast_quantity'], context)
    run('WIDGET availability (warehouse)', availability_warehouse)

    def production():
        values = {'product': state['assembly'], 'bom': state['bom'], 'uom': state['unit'],
                  'quantity': 1.0, 'planned_start_date': datetime.date.today(),
                  'warehouse': state['warehouse'], 'company': erp.context['company'],
                  'inputs': [], 'outputs': []}
        values['location'], = [
            w['production_location'] for w in erp.model(
                'stock.location', 'read', [state['warehouse']], ['production_location'])]
        # create() does not explode the BOM; the client asks the server's on_change for the moves.
        changes, = erp.model('production', 'on_change', values, ['bom'])
        for field in ('inputs', 'outputs'):
            moves = [{k: v for k, v in move.items()
                      if '.' not in k and k not in ('id', 'unit_price_required')}
                     for _, move in changes[field]['add']]
            values[field] = [['create', moves]]
        production_id, = erp.model('production', 'create', [values])
        state['production'] = production_id
        return {'inputs': values['inputs'], 'outputs': values['outputs'], 'id': production_id}
    run('create production', production)
    run('production wait', erp.model, 'production', 'wait', [state['production']])

    def read_production():
        production, = erp.model('production', 'read', [state['production']],
                                ['number', 'state', 'warehouse', 'location', 'inputs', 'outputs'])
        check(production['state'] == 'waiting', 'production state %s' % production['state'])
        check(len(production['inputs']) == 1 and len(production['outputs']) == 1, 'moves missing')
        return production
    run('read production', read_production)
    run('WIDGET availability after production', availability_warehouse)

    def project():
        project_id, = erp.model('project.work', 'create', [{
            'name': 'Smoke project', 'type': 'project', 'party': state['party'],
            'children': [['create', [{
                'name': 'Smoke task', 'type': 'task',
                'effort_duration': datetime.timedelta(hours=2)}]]],
        }])
        work, = erp.model('project.work', 'read', [project_id],
                          ['name', 'type', 'status', 'company', 'children', 'total_effort'])
        check(len(work['children']) == 1, 'project has %s tasks' % len(work['children']))
        return work
    run('create project with task', project)

    def changed_parties():
        # write_date stays empty until the first write: a new record only has create_date.
        found = erp.model('party.party', 'search_read', [
            'OR', ['create_date', '>', state['watermark']], ['write_date', '>', state['watermark']]],
            0, 100, [['id', 'ASC']], ['name', 'create_date', 'write_date'])
        check(any(p['id'] == state['party'] for p in found), 'new party not in %s' % found)
        return found
    run('parties written since watermark', changed_parties)
    print('smoke: all steps passed')


if __name__ == '__main__':
    main()
